/**
 * Python that every binary runs before the program (a PyInstaller runtime hook, code Nuitka's
 * plugin puts before the main module). Kept as text so the ncc bundle carries it.
 */

/** Env var a frozen binary sets for its children: the real path of the binary itself. */
export const FROZEN_PARENT_ENV = 'POETRY_BINARY_ACTION_FROZEN_PARENT'

/**
 * The re-entry hook (it also gives the program the `exit`/`quit` builtins that `site` adds). Programs start Python again with `[sys.executable, "-c", code]`,
 * `-m module` or `script.py` (template tasks, migrations, worker pools); in a binary,
 * `sys.executable` is the binary. So a binary marks its children's environment with its own path,
 * and a binary started by itself with such arguments behaves like the interpreter, with the
 * bundled modules. Started any other way (by the user, by another program), it is the program:
 * the user's own `-c` or `-m` options are never taken over. With `honorPythonpath`, the folders of
 * PYTHONPATH are added to the module search path, after the bundled modules.
 */
export function reentryHookSource(honorPythonpath: boolean): string {
  return `# Runtime hook added by poetry-binary-action: the binary as its own interpreter when it
# started itself (sys.executable -c / -m / script.py), and PYTHONPATH when the build says so.
def _pba_reentry():
    import builtins
    import os
    import sys

    # The site module gives every interpreter exit() and quit(); a frozen program has no site, and
    # programs call exit(1) as a builtin.
    if not hasattr(builtins, 'exit'):
        try:
            import _sitebuiltins

            eof = 'Ctrl-Z plus Return' if os.sep == '\\\\' else 'Ctrl-D (i.e. EOF)'
            builtins.exit = _sitebuiltins.Quitter('exit', eof)
            builtins.quit = _sitebuiltins.Quitter('quit', eof)
        except Exception:
            pass

    if ${honorPythonpath ? 'True' : 'False'}:
        for entry in os.environ.get('PYTHONPATH', '').split(os.pathsep):
            if entry and os.path.abspath(entry) not in sys.path:
                sys.path.append(os.path.abspath(entry))
    me = os.path.realpath(sys.executable)
    parent = os.environ.get('${FROZEN_PARENT_ENV}')
    os.environ['${FROZEN_PARENT_ENV}'] = me
    if parent is None or os.path.realpath(parent) != me:
        return
    args = sys.argv[1:]
    while args and (args[0] in ('-u', '-E', '-s', '-S', '-I', '-B', '-O', '-OO', '-q', '-b', '-P')
                    or args[0] in ('-X', '-W') and len(args) > 1):
        args = args[2:] if args[0] in ('-X', '-W') else args[1:]
    if len(args) >= 2 and args[0] == '-c':
        sys.argv = ['-c'] + args[2:]
        main = {'__name__': '__main__', '__builtins__': __builtins__}
        exec(compile(args[1], '<string>', 'exec'), main)
        raise SystemExit(0)
    if len(args) >= 2 and args[0] == '-m':
        import runpy

        sys.argv = [args[1]] + args[2:]
        runpy.run_module(args[1], run_name='__main__', alter_sys=True)
        raise SystemExit(0)
    if args and args[0].endswith('.py') and os.path.isfile(args[0]):
        import runpy

        sys.argv = list(args)
        sys.path.insert(0, os.path.dirname(os.path.abspath(args[0])))
        runpy.run_path(args[0], run_name='__main__')
        raise SystemExit(0)


_pba_reentry()
del _pba_reentry
`
}
