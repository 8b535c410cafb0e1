import tkinter

try:
    root = tkinter.Tk()
except tkinter.TclError as e:
    # No display: Tcl itself must still work (its library was found).
    interp = tkinter.Tcl()
    print("no display; tcl", interp.eval("info patchlevel").count(".") == 2, interp.eval("expr {6 * 7}"))
else:
    root.withdraw()
    label = tkinter.Label(root, text="hello")
    label.pack()
    var = tkinter.StringVar(root, value="x")
    print("display", label.cget("text"), var.get())
    root.destroy()
