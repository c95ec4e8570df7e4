kgSearch.doc(12,{"u":"pdf/de/flyer-alpha.pdf","l":"de","k":"pdf","t":"Alpha-System","s":"","b":""});
