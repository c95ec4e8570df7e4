kgSearch.manifest({"v":1,"docs":13,"langs":[["ko",0,3],["en",3,8],["de",11,2]],"chunks":[["","35d82084aa43426c"]]});
