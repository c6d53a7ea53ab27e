/**
 * Import records for bytecode modules, made from a scan of their source instead of Nuitka's whole
 * optimisation (part of the user plugin, `nuitka-bytecode: auto`).
 *
 * Nuitka 4.3 includes a module as bytecode directly only when its module cache
 * (`$NUITKA_CACHE_DIR/module-cache`) has an import record for that exact source. Without one, it
 * parses and optimises the module whole, as if compiling it to C, only to learn what it imports,
 * then demotes it to bytecode and writes the record (tree/Building.py `_createModule`). On a cold
 * cache that optimisation is most of a build: 162 s of commitizen's, 496 s of the Temporal example's.
 *
 * The plugin writes the record first, in Nuitka's own format, from the module's final source (after
 * every plugin's source changes), so Nuitka then takes its cached path:
 * - every `import` and `from … import` statement, relative ones resolved against the package, with
 *   every parent package, and a `from` import's names that are submodules;
 * - `__import__` / `importlib.import_module` / resource calls (`files`, `get_data`, …) named by a
 *   constant string;
 * - branches a platform or version test rules out on this interpreter (`sys.platform`, `os.name`,
 *   `sys.version_info`), `if __name__ == "__main__":` and `if TYPE_CHECKING:` blocks are skipped,
 *   as Nuitka's constant folding drops them; so are the functions and classes whose code Nuitka's
 *   anti-bloat configuration replaces.
 * Measured against the records Nuitka's optimisation wrote for commitizen's 690 bytecode modules,
 * the scan found every module Nuitka found except `os` and `posixpath`, which every build has.
 * What the scan cannot see (a name built at run time) is what the trace adds as `--include-module`
 * from what `poetry run` loaded. A module the scan cannot read (a syntax error) or a Nuitka whose
 * cache format is not the one this was written against gets no record, and is optimised as before.
 */
export const IMPORT_RECORDS_PY = `
import ast as _pba_ast

# Nuitka's module-cache format this writes (nuitka/BytecodeCaching.py, Nuitka 4.3).
_PBA_RECORD_FORMAT = 8
_PBA_RESOURCE_CALLS = frozenset((
    'files', 'get_data', 'read_text', 'read_binary', 'open_text', 'open_binary', 'contents',
    'is_resource', 'path', 'resource_filename', 'resource_string', 'resource_stream',
    'resource_exists', 'resource_listdir', 'resource_isdir',
))


def _pba_dotted(node):
    parts = []
    while isinstance(node, _pba_ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, _pba_ast.Name):
        parts.append(node.id)
        return '.'.join(reversed(parts))
    return None


def _pba_constant(node):
    if isinstance(node, _pba_ast.Constant):
        return node.value
    if isinstance(node, _pba_ast.Tuple):
        values = [_pba_constant(e) for e in node.elts]
        return tuple(values) if all(v is not None for v in values) else None
    return None


_PBA_KNOWN = {
    'sys.platform': sys.platform,
    'os.name': os.name,
    'sys.version_info': tuple(sys.version_info),
}


def _pba_compare_ops():
    import operator

    return {
        _pba_ast.Eq: operator.eq, _pba_ast.NotEq: operator.ne, _pba_ast.Lt: operator.lt,
        _pba_ast.LtE: operator.le, _pba_ast.Gt: operator.gt, _pba_ast.GtE: operator.ge,
        _pba_ast.In: lambda a, b: a in b, _pba_ast.NotIn: lambda a, b: a not in b,
    }


_PBA_COMPARE_OPS = _pba_compare_ops()


def _pba_static_value(node):
    """The value of a platform or version test on this interpreter, or None when not static."""
    if isinstance(node, _pba_ast.UnaryOp) and isinstance(node.op, _pba_ast.Not):
        value = _pba_static_value(node.operand)
        return None if value is None else not value
    if isinstance(node, _pba_ast.BoolOp):
        values = [_pba_static_value(v) for v in node.values]
        if isinstance(node.op, _pba_ast.And):
            if any(v is False for v in values):
                return False
            return True if all(v is True for v in values) else None
        if any(v is True for v in values):
            return True
        return False if all(v is False for v in values) else None
    name = _pba_dotted(node)
    if name in ('TYPE_CHECKING', 'typing.TYPE_CHECKING'):
        return False
    if isinstance(node, _pba_ast.Call) and isinstance(node.func, _pba_ast.Attribute) \\
            and node.func.attr == 'startswith' and _pba_dotted(node.func.value) == 'sys.platform' \\
            and len(node.args) == 1:
        prefix = _pba_constant(node.args[0])
        if isinstance(prefix, (str, tuple)):
            return sys.platform.startswith(prefix)
        return None
    if isinstance(node, _pba_ast.Compare) and len(node.ops) == 1:
        left = node.left
        # A module included as bytecode is never __main__ (Nuitka folds this test too).
        if isinstance(left, _pba_ast.Name) and left.id == '__name__' \
                and _pba_constant(node.comparators[0]) == '__main__':
            if isinstance(node.ops[0], _pba_ast.Eq):
                return False
            if isinstance(node.ops[0], _pba_ast.NotEq):
                return True
            return None
        if isinstance(left, _pba_ast.Subscript) and _pba_dotted(left.value) == 'sys.version_info':
            index = _pba_constant(left.slice)
            if not isinstance(index, int):
                return None
            known = tuple(sys.version_info)[index]
        else:
            known_name = _pba_dotted(left)
            if known_name not in _PBA_KNOWN:
                return None
            known = _PBA_KNOWN[known_name]
        other = _pba_constant(node.comparators[0])
        if other is None:
            return None
        op = _PBA_COMPARE_OPS.get(type(node.ops[0]))
        try:
            return bool(op(known, other)) if op else None
        except TypeError:
            return None
    return None


def _pba_scan_imports(source, module_name, is_package, skipped=(), tree=None):
    """(name, line, optional) for what the source imports; optional names are kept only if found.
    Functions and classes named in skipped (qualified or not) are left out: Nuitka's anti-bloat
    replaces their bodies before it looks for imports. tree: the source already parsed (read only)."""
    if tree is None:
        tree = _pba_ast.parse(source)
    skipped = frozenset(skipped)
    package = module_name if is_package else module_name.rpartition('.')[0]
    found = []

    def absolute(level, name):
        parts = package.split('.') if package else []
        if level > 1:
            if level - 1 > len(parts):
                return None
            parts = parts[:len(parts) - (level - 1)]
        base = '.'.join(parts)
        if not base:
            return None
        return base + '.' + name if name else base

    def visit(nodes, scope=''):
        for node in nodes:
            if isinstance(node, (_pba_ast.FunctionDef, _pba_ast.AsyncFunctionDef, _pba_ast.ClassDef)):
                qualified = scope + node.name
                if node.name in skipped or qualified in skipped:
                    continue
                visit(node.decorator_list, scope)
                visit(node.body, qualified + '.')
                continue
            if isinstance(node, _pba_ast.If):
                value = _pba_static_value(node.test)
                if value is not False:
                    visit(node.body, scope)
                if value is not True:
                    visit(node.orelse, scope)
                continue
            if isinstance(node, _pba_ast.Import):
                for alias in node.names:
                    found.append((alias.name, node.lineno, False))
            elif isinstance(node, _pba_ast.ImportFrom):
                base = absolute(node.level, node.module) if node.level else node.module
                if base:
                    found.append((base, node.lineno, False))
                    for alias in node.names:
                        if alias.name != '*':
                            found.append((base + '.' + alias.name, node.lineno, True))
            elif isinstance(node, _pba_ast.Call) and node.args:
                func = node.func
                called = func.id if isinstance(func, _pba_ast.Name) else (
                    func.attr if isinstance(func, _pba_ast.Attribute) else None)
                first = _pba_constant(node.args[0])
                if isinstance(first, str) and first and not first.startswith('.') and (
                        called in ('__import__', 'import_module') or called in _PBA_RESOURCE_CALLS):
                    found.append((first, node.lineno, True))
            visit(_pba_ast.iter_child_nodes(node), scope)

    visit(tree.body)
    return found


class _PbaUnsure(Exception):
    pass


def _pba_package_config():
    """Nuitka's package configuration (its YAML files and the user's), loaded once by Nuitka
    before any module is read; the arguments only matter for a first load."""
    from nuitka.utils.Yaml import getYamlPackageConfiguration

    return getYamlPackageConfiguration(logger=None, assume_yes_for_downloads=True, check_checksums=False)


def _pba_replaced_code(name):
    """Functions and classes whose code Nuitka's anti-bloat replaces in this module. One whose
    replacement depends on a condition (when:) leaves the module to Nuitka's own analysis."""
    names = set()
    for entry in _pba_package_config().get(name, section='anti-bloat') or ():
        replaced = [n for key in ('change_function', 'global_change_function', 'change_class')
                    for n in (entry.get(key) or ())]
        if replaced and entry.get('when'):
            raise _PbaUnsure(name)
        names.update(replaced)
    return names


def _pba_import_record(module_name, source_code, filename, tree=None):
    """The module-cache record Nuitka would write for this module, from the scan; None if unsure."""
    from nuitka.importing.Importing import locateModule
    from nuitka.utils.ModuleNames import ModuleName

    is_package = os.path.basename(str(filename or '')) in ('__init__.py', '__init__.pyc')
    scanned = _pba_scan_imports(
        source_code, module_name.asString(), is_package, _pba_replaced_code(module_name.asString()), tree)
    # name -> (first line, optional): a name is optional (kept only if found) when every mention is.
    names = {}
    for name, line, optional in scanned:
        parts = name.split('.')
        if not all(p.isidentifier() for p in parts):
            continue
        for i in range(1, len(parts) + 1):
            dotted = '.'.join(parts[:i])
            first = names.get(dotted)
            names[dotted] = (line, optional) if first is None else (first[0], first[1] and optional)
    used = []
    for name, (line, optional) in names.items():
        _, found_file, kind, finding = locateModule(module_name=ModuleName(name), parent_package=None, level=0)
        if finding == 'not-found' and optional:
            continue
        used.append({
            'module_name': name,
            'filename': None if found_file is None else str(found_file),
            'module_kind': kind,
            'finding': finding,
            'level': 0,
            'reason': 'import',
            'source_ref_line': line,
        })
    return {
        'file_format_version': _PBA_RECORD_FORMAT,
        'module_name': module_name.asString(),
        'modules_used': used,
        'distribution_names': {},
        'timing_infos': [[1, 0.0, None, None, 0, {}]],
    }


def _pba_install_import_records(counts):
    """Wraps Nuitka's check for a cached import record so that a missing one is written first.
    Counts records written and modules it could not read into counts ('written', 'unread');
    returns why it did not install, or None."""
    try:
        from nuitka import BytecodeCaching
        from nuitka.tree import Building
        from nuitka.utils.Json import writeJsonToFilename
    except ImportError:
        return 'this Nuitka has no module cache to write to'
    if getattr(BytecodeCaching, '_cache_format_version', None) != _PBA_RECORD_FORMAT:
        return 'this Nuitka writes another module-cache format'
    real = getattr(Building, 'hasCachedImportedModuleUsageAttempts', None)
    if real is None or not hasattr(BytecodeCaching, 'makeCacheName'):
        return 'this Nuitka looks up import records elsewhere'

    def has_record(module_name, source_code, source_ref):
        # Asked only for a module going in as bytecode, right after Nuitka parsed its source.
        tree = _pba_take_parsed(module_name, source_code)
        if real(module_name=module_name, source_code=source_code, source_ref=source_ref):
            _pba_hand_to_compile(source_code, tree)
            return True
        try:
            record = _pba_import_record(module_name, source_code, source_ref.getFilename(), tree)
            cache_name = BytecodeCaching.makeCacheName(module_name, source_code)
            writeJsonToFilename(
                filename=BytecodeCaching._getCacheFilename(cache_name, 'json'), contents=record)
        except Exception:
            # Unreadable here: Nuitka optimises the module to learn its imports, as it would have.
            counts['unread'] += 1
            return False
        counts['written'] += 1
        if real(module_name=module_name, source_code=source_code, source_ref=source_ref):
            _pba_hand_to_compile(source_code, tree)
            return True
        return False

    Building.hasCachedImportedModuleUsageAttempts = has_record
    return None


# A bytecode module's source was parsed three times: by Nuitka to build the module (the tree is
# thrown away when the module goes in as bytecode), by the scan above, and by Nuitka again to
# compile it to bytecode (Bytecodes.compileSourceToBytecode). py-spy on the Temporal example's
# cold build: a third of its first 100 s in ast.parse. Nuitka's tree is kept for the one module
# whose record check comes next, read by the scan and handed to that module's compile; a module
# Nuitka then compiles to C never hands it on, so its tree (which Nuitka changes) is never reused.
_PBA_PARSED = {'module': None, 'source': None, 'tree': None}
_PBA_FOR_COMPILE = {'source': None, 'tree': None}


def _pba_take_parsed(module_name, source_code):
    """The tree Nuitka just parsed from exactly this source of this module, once; else None."""
    parsed = dict(_PBA_PARSED)
    _PBA_PARSED.update(module=None, source=None, tree=None)
    if parsed['source'] is source_code and parsed['module'] == module_name:
        return parsed['tree']
    return None


def _pba_hand_to_compile(source_code, tree):
    _PBA_FOR_COMPILE.update(source=source_code if tree is not None else None, tree=tree)


def _pba_install_shared_parse():
    """Shares Nuitka's parse of a bytecode module with the scan and the compile; returns why it
    did not install, or None."""
    try:
        from nuitka import Bytecodes
        from nuitka.optimizations import BytecodeDemotion
        from nuitka.tree import Building
    except ImportError as e:
        return 'this Nuitka has no %s' % e.name
    parse = getattr(Building, 'parseSourceCodeToAst', None)
    compile_source = getattr(BytecodeDemotion, 'compileSourceToBytecode', None)
    if parse is None or compile_source is None or getattr(Bytecodes, 'ast', None) is not _pba_ast \
            or getattr(compile_source, '__globals__', None) is not vars(Bytecodes):
        return 'this Nuitka parses and compiles modules elsewhere'

    def parse_keeping(source_code, module_name, filename, line_offset):
        tree = parse(source_code=source_code, module_name=module_name, filename=filename, line_offset=line_offset)
        if line_offset == 0:
            _PBA_PARSED.update(module=module_name, source=source_code, tree=tree)
        else:
            _PBA_PARSED.update(module=None, source=None, tree=None)
        return tree

    class _OneTree(object):
        """The ast module, except that its next parse returns the tree given."""

        def __init__(self, tree):
            self._tree = tree

        def parse(self, *args, **kwargs):
            tree, self._tree = self._tree, None
            return tree if tree is not None else _pba_ast.parse(*args, **kwargs)

        def __getattr__(self, name):
            return getattr(_pba_ast, name)

    def compile_shared(source_code, filename):
        handed = dict(_PBA_FOR_COMPILE)
        _PBA_FOR_COMPILE.update(source=None, tree=None)
        # Nuitka's tree building renames (mangles) the functions of a nuitka_ignore decorator in the
        # tree itself: such a source is parsed afresh.
        if handed['source'] is not source_code or handed['tree'] is None or 'nuitka_ignore' in source_code:
            return compile_source(source_code, filename)
        Bytecodes.ast = _OneTree(handed['tree'])
        try:
            return compile_source(source_code, filename)
        finally:
            Bytecodes.ast = _pba_ast

    Building.parseSourceCodeToAst = parse_keeping
    BytecodeDemotion.compileSourceToBytecode = compile_shared
    return None
`
