// A bare `return` right before the closing brace, in an else branch:
// Espruino 2v29 throws "SyntaxError: Unexpected end of Input" whether the
// branch runs or not; with its semicolon it runs.
function f(a) { if (a) print("then"); else return}
f(1);
f(0);
print("end");
