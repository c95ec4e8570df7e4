kgSearch.doc(10,{"u":"pdf/en/report-gamma-2013.pdf","l":"en","k":"pdf","t":"Gamma study (2013)","s":"","b":""});
