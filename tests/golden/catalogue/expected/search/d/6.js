kgSearch.doc(6,{"u":"en/studies/gamma-2013/","l":"en","k":"study","t":"Gamma study (2013)","s":"A focused study.","b":"The study proposed Alpha."});
