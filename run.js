
setTimeout(function(){print("pins",digitalRead(D0),digitalRead(D1)); print(typeof $w, process.memory().usage)},1100);setTimeout(function(){quit&&quit()},1300);
