/**
 * Python that every binary runs before the program (a PyInstaller runtime hook, code Nuitka's
 * plugin puts before the main module). Kept as text so the ncc bundle carries it.
 */

/** Env var a frozen binary sets for its children: the real path of the binary itself. */
export const FROZEN_PARENT_ENV = 'POETRY_BINARY_ACTION_FROZEN_PARENT'
/** Env var the carried `python` wrapper sets for the one start it makes: behave as the interpreter. */
export const AS_PYTHON_ENV = 'POETRY_BINARY_ACTION_AS_PYTHON'
/** The folder inside a binary holding the executables put first on its children's PATH. */
export const EXECUTABLES_DIR = '_pba_bin'

/**
 * The re-entry hook (it also gives the program the `exit`/`quit` builtins that `site` adds). Programs start Python again with `[sys.executable, "-c", code]`,
 * `-m module` or `script.py` (template tasks, migrations, worker pools); in a binary,
 * `sys.executable` is the binary. So a binary marks its children's environment with its own path,
 * and a binary started by itself with such arguments behaves like the interpreter, with the
 * bundled modules. Started any other way (by the user, by another program), it is the program:
 * the user's own `-c` or `-m` options are never taken over. With `honorPythonpath`, the folders of
 * PYTHONPATH are added to the module search path, after the bundled modules. The executables the
 * binary carries (see executables.ts) go first on PATH, as the venv's scripts do under poetry run;
 * the carried `python` marks its one start so that the binary then acts as the interpreter in every
 * form it supports (`-V`, code on stdin) and refuses the rest.
 */
/**
 * Python that runs code and ends the process as the interpreter would: its exit status, a
 * traceback and 1 for an uncaught exception (130 for Ctrl-C), non-daemon threads joined, exit
 * handlers run, streams flushed. It exits rather than raising, since Nuitka ignores an exception
 * raised before its main module. With exit_after=False a normal return just returns. Shared by the
 * re-entry hook and Nuitka's pre-main wrapper.
 */
export const FINISH_PY = `def _pba_finish(run, *args, exit_after=True, **kwargs):
    import os
    import sys
    import traceback

    try:
        run(*args, **kwargs)
        if not exit_after:
            return
        code = 0
    except SystemExit as stop:
        code = stop.code
    except KeyboardInterrupt:
        traceback.print_exc()
        code = 130
    except BaseException:
        traceback.print_exc()
        code = 1
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        sys.stderr.write(str(code) + '\\n')
        status = 1
    threading = sys.modules.get('threading')
    try:
        if threading is not None:
            threading._shutdown()
        import atexit

        atexit._run_exitfuncs()
    except BaseException:
        pass
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass
    os._exit(status & 0xFF)`

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
    # What poetry run has on PATH (the venv's scripts: dependencies' tools, python itself), the
    # binary carries in one folder and puts first on its children's PATH.
    # The bundle's root: PyInstaller's _MEIPASS; Nuitka's dist (or onefile extraction) folder,
    # where its main module and the standard library's modules say they are.
    compiled = globals().get('__compiled__')
    roots = [getattr(sys, '_MEIPASS', None), getattr(compiled, 'containing_dir', None)]
    for known in (globals().get('__file__'), getattr(os, '__file__', None)):
        if known:
            roots.append(os.path.dirname(os.path.abspath(known)))
    carried = next(
        (os.path.join(r, '${EXECUTABLES_DIR}') for r in roots
         if r and os.path.isdir(os.path.join(r, '${EXECUTABLES_DIR}'))),
        None,
    )
    if carried:
        for name in os.listdir(carried):
            path = os.path.join(carried, name)
            if not os.access(path, os.X_OK):
                try:
                    os.chmod(path, 0o755)
                except OSError:
                    pass
        os.environ['PATH'] = carried + os.pathsep + os.environ.get('PATH', '')
    # Nuitka's onefile child names a \`python\` in its extraction folder as sys.executable, a file
    # that does not exist: the binary is the onefile launcher that started this process.
    launcher = os.environ.get('NUITKA_ONEFILE_PARENT')
    if compiled is not None and launcher and not os.path.exists(sys.executable):
        try:
            sys.executable = os.readlink('/proc/%d/exe' % int(launcher))
        except (OSError, ValueError):
            argv0 = getattr(compiled, 'original_argv0', None)
            folder = os.environ.get('NUITKA_ONEFILE_DIRECTORY')
            if argv0 and folder:
                sys.executable = os.path.join(folder, os.path.basename(argv0))
    me = os.path.realpath(sys.executable)
    parent = os.environ.get('${FROZEN_PARENT_ENV}')
    as_python = os.environ.pop('${AS_PYTHON_ENV}', None) is not None
    os.environ['${FROZEN_PARENT_ENV}'] = me
    if parent is None or os.path.realpath(parent) != me:
        return
    args = sys.argv[1:]
    isolated = False
    while args and (args[0] in ('-u', '-E', '-s', '-S', '-I', '-B', '-O', '-OO', '-q', '-b', '-P')
                    or args[0] in ('-X', '-W') and len(args) > 1):
        isolated = isolated or args[0] in ('-I', '-P')
        args = args[2:] if args[0] in ('-X', '-W') else args[1:]
    def run_code(code, name):
        main = {'__name__': '__main__', '__builtins__': __builtins__}
        exec(compile(code, name, 'exec'), main)

    if len(args) >= 2 and args[0] == '-c':
        sys.argv = ['-c'] + args[2:]
        if not isolated:
            sys.path.insert(0, '')
        _pba_finish(run_code, args[1], '<string>')
    if len(args) >= 2 and args[0] == '-m':
        import runpy

        sys.argv = [args[1]] + args[2:]
        if not isolated:
            sys.path.insert(0, os.getcwd())
        def run_module(name):
            try:
                runpy.run_module(name, run_name='__main__', alter_sys=True)
            except AttributeError as e:
                if compiled is None or 'get_code' not in str(e):
                    raise
                # A module Nuitka compiled has no code object for runpy to run as __main__.
                sys.stderr.write('-m ' + name + ': a module compiled by Nuitka cannot run as __main__ '
                                 '(no code object for runpy); use backend: pyinstaller, or start it with -c\\n')
                sys.exit(1)

        _pba_finish(run_module, args[1])
    if args and (args[0].endswith('.py') or as_python and args[0] != '-') and os.path.isfile(args[0]):
        import runpy

        sys.argv = list(args)
        sys.path.insert(0, os.path.dirname(os.path.abspath(args[0])))
        _pba_finish(runpy.run_path, args[0], run_name='__main__')
    if not as_python:
        return
    # Started as \`python\` from PATH: the interpreter's other forms, or a clear refusal.
    if args and args[0] in ('-V', '--version'):
        _pba_finish(print, 'Python ' + sys.version.split()[0])
    if not args or args[0] == '-':
        sys.argv = [''] + args[1:]
        if not isolated:
            sys.path.insert(0, '')
        _pba_finish(lambda: run_code(sys.stdin.read(), '<stdin>'))
    sys.stderr.write('python (carried by this binary): ' + args[0] + ' is not supported; use -c, -m, a script or -\\n')
    _pba_finish(sys.exit, 2)


${FINISH_PY}

_pba_reentry()
del _pba_reentry, _pba_finish
`
}
