kgSearch.doc(8,{"u":"pdf/en/flyer-alpha.pdf","l":"en","k":"pdf","t":"Alpha system","s":"","b":""});
