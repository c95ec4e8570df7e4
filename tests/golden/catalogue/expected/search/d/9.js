kgSearch.doc(9,{"u":"pdf/en/flyer-beta.pdf","l":"en","k":"pdf","t":"Beta system","s":"","b":""});
