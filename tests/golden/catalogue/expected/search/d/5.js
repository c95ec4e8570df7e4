kgSearch.doc(5,{"u":"en/cities/gamma/","l":"en","k":"city","t":"Gamma","s":"A test city.","b":"Cooperation with Seoul Gamma signed an MOU in 2009."});
