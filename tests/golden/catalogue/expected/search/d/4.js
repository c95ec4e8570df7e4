kgSearch.doc(4,{"u":"en/systems/beta/","l":"en","k":"system","t":"Beta system","s":"Officials approve documents with it.","b":"How it works Documents are approved on screen. Raw HTML is dropped."});
