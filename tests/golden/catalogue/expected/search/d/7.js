kgSearch.doc(7,{"u":"en/about/","l":"en","k":"page","t":"About this catalogue","s":"What the golden catalogue is.","b":"A page in the menu."});
