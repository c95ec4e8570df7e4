kgSearch.doc(2,{"u":"pdf/ko/flyer-alpha.pdf","l":"ko","k":"pdf","t":"알파 시스템","s":"","b":""});
