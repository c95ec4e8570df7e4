kgSearch.doc(11,{"u":"de/systems/alpha/","l":"de","k":"system","t":"Alpha-System","s":"Bürger melden damit Beschwerden.","b":"Überblick Alpha ist ein Testsystem."});
