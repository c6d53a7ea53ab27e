"""
Cross-cutting JSON Schema fragments that aren't owned by any single
PoeOptions class — the task_def union (incl. forward-compat fallback),
the executor tagged union, env/envfile value polymorphism, and the
patternProperties for the tasks/groups maps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .context import SchemaContext


def task_def_schema(ctx: SchemaContext) -> dict:
    """
    Build the task_def union — every accepted shape for "a task" in
    poe config: bare string (default_task_type), bare array
    (default_array_task_type), dict with a recognized discriminator key,
    or dict with no recognized key (forward-compat fallback).

    Side effect: each task variant's schema is registered in
    ctx.definitions, plus task_def itself is registered (so recursive
    `{"$ref": "#/definitions/task_def"}` resolves).
    """
    from ..task.base import PoeTask

    # Register each task variant under "<key>_task" in $defs.
    task_keys = sorted(PoeTask.get_task_types())
    for key in task_keys:
        task_cls = PoeTask.get_task_class(key)
        ctx.register(f"{key}_task", task_cls.__schema_fragment__(ctx))

    branches: list[dict] = [
        {"type": "string"},
        {
            "type": "array",
            "items": {"$ref": "#/definitions/task_def"},
        },
    ]

    branches.extend({"$ref": f"#/definitions/{key}_task"} for key in task_keys)

    # Forward-compat fallback: a dict that has none of the known
    # discriminator keys.
    branches.append(_residual_object_branch(task_keys))

    result = {"oneOf": branches}
    ctx.register("task_def", result)
    return result


def _residual_object_branch(task_keys: list[str]) -> dict:
    """
    Object branch for task_def / task_def_with_case unions that matches
    any object NOT carrying a known discriminator key. Each discriminator
    name is mapped to a property schema of ``false`` (i.e. forbidden);
    ajv strict mode accepts this encoding where the equivalent
    ``not: {anyOf: [{required: [X]}]}`` form fails strictRequired.
    """
    return {
        "type": "object",
        "additionalProperties": True,
        "properties": dict.fromkeys(task_keys, False),
    }


def executor_option_schema(ctx: SchemaContext) -> dict:
    """
    Build the executor option's discriminated union — over the `type:`
    field. Each registered executor becomes a `#/definitions/executor_<key>`.
    A shorthand string form accepts the bare type name (`"poetry"`,
    `"auto"`, etc.).

    "auto" is a known exception: it's the user-facing default but is
    handled specially by PoeExecutor.validate_config rather than being
    registered as a PoeExecutor subclass. We synthesize a minimal
    executor_auto definition for it.

    Side effect: registers each per-executor definition in ctx.definitions
    and registers the executor_option definition itself.
    """
    from ..executor.base import PoeExecutor

    executor_keys = sorted(PoeExecutor.get_executor_types())
    # Include "auto" in the shorthand-string enum even though it isn't
    # in the registry.
    enum_keys = sorted(set(executor_keys) | {"auto"})

    branches: list[dict] = [
        {"type": "string", "enum": enum_keys},
    ]

    # Collected as we go so we can build executor_partial as an anyOf
    # over per-executor partial overrides.
    partial_refs: list[dict] = []

    for key in executor_keys:
        executor_cls = PoeExecutor.get_executor_class(key)
        executor_schema = executor_cls.ExecutorOptions.__schema_fragment__(ctx)
        # Tighten the `type` property to a single-value enum (const
        # equivalent in draft-07).
        executor_schema["properties"] = dict(executor_schema["properties"])
        executor_schema["properties"]["type"] = {
            "type": "string",
            "enum": [key],
        }
        ctx.register(f"executor_{key}", executor_schema)
        branches.append({"$ref": f"#/definitions/executor_{key}"})

        # Partial-override twin: same properties minus `type`, and
        # `type` removed from required. additionalProperties:false here
        # is what makes the partial reject `{garbage: ...}` — and also
        # naturally prevents it from re-matching `{type: "<key>", ...}`,
        # so the outer oneOf still picks the full executor_<key> form.
        partial_properties = dict(executor_schema["properties"])
        partial_properties.pop("type", None)
        ctx.register(
            f"executor_{key}_partial",
            {
                "type": "object",
                "additionalProperties": False,
                "properties": partial_properties,
            },
        )
        partial_refs.append({"$ref": f"#/definitions/executor_{key}_partial"})

    # Synthesize a minimal executor_auto definition since "auto" isn't a
    # registered class. Auto has no executor-specific options, so its
    # partial accepts only the empty object.
    ctx.register(
        "executor_auto",
        {
            "type": "object",
            "additionalProperties": False,
            "required": ["type"],
            "properties": {"type": {"type": "string", "enum": ["auto"]}},
        },
    )
    branches.append({"$ref": "#/definitions/executor_auto"})
    ctx.register(
        "executor_auto_partial",
        {
            "type": "object",
            "additionalProperties": False,
            "properties": {},
        },
    )
    partial_refs.append({"$ref": "#/definitions/executor_auto_partial"})

    # executor_option is the strict form used at root level: type is required.
    # (PoeExecutor.validate_config enforces type at root config validation time.)
    result = {"oneOf": list(branches)}
    ctx.register("executor_option", result)

    # executor_partial — at task level, `executor` can omit `type` and
    # inherit it from the project or group context
    # (context._resolve_executor_config). Each branch is a per-executor
    # partial: its `additionalProperties:false` rejects keys foreign to
    # that executor, so typos like `{isolatd: true}` surface in editors
    # rather than silently slipping through. A bare `{}` matches all
    # partials (every partial accepts an empty object).
    ctx.register("executor_partial", {"anyOf": list(partial_refs)})
    task_branches = [*branches, {"$ref": "#/definitions/executor_partial"}]
    task_result = {"oneOf": task_branches}
    ctx.register("executor_task_option", task_result)

    return result


def env_option_schema(ctx: SchemaContext) -> dict:
    """
    Build the env option's schema: `{type: object, additionalProperties:
    <string | env_default>}`. Keys are unconstrained env var names.

    Registers env_default in ctx.definitions.
    """
    from ..config.primitives import EnvDefault
    from ..options.annotations import TypeAnnotation
    from .translate import translate_type

    # Translate EnvDefault as a TypedDict.
    env_default_annotation = TypeAnnotation.parse(EnvDefault)
    env_default_schema = translate_type(env_default_annotation, ctx)
    ctx.register("env_default", env_default_schema)

    value_schema = {
        "anyOf": [
            {"type": "string"},
            {"$ref": "#/definitions/env_default"},
        ]
    }

    result = {
        "type": "object",
        "additionalProperties": value_schema,
    }
    ctx.register("env_option", result)
    return result


def envfile_option_schema(ctx: SchemaContext) -> dict:
    """
    Build the envfile option's schema. Three accepted shapes, mutually
    exclusive by type:
    - Bare string (one envfile path)
    - EnvfileOption TypedDict with expected/optional keys
    - Array of (string | EnvfileOption), mixing both freely

    Registers envfile_full (the TypedDict shape) in ctx.definitions.
    """
    from ..config.primitives import EnvfileOption
    from ..options.annotations import TypeAnnotation
    from .translate import translate_type

    envfile_full_annotation = TypeAnnotation.parse(EnvfileOption)
    envfile_full_schema = translate_type(envfile_full_annotation, ctx)
    ctx.register("envfile_full", envfile_full_schema)

    result = {
        "oneOf": [
            {"type": "string"},
            {"$ref": "#/definitions/envfile_full"},
            {
                "type": "array",
                "items": {
                    "oneOf": [
                        {"type": "string"},
                        {"$ref": "#/definitions/envfile_full"},
                    ],
                },
            },
        ]
    }
    ctx.register("envfile_option", result)
    return result


def args_option_schema(ctx: SchemaContext) -> dict:
    """
    Build the args option's schema. Two accepted top-level shapes:
    - List of (string | args_item) — each item declares one argument.
    - Dict mapping arg-name to args_item (with `name` omitted from
      the inner — it's the dict key).

    Registers args_item (the ArgSpec shape) in ctx.definitions.
    """
    from ..task.args import ArgSpec

    args_item_schema = ArgSpec.__schema_fragment__(ctx)
    ctx.register("args_item", args_item_schema)

    # For the dict form, the `name` key must NOT appear inside each value
    # (it's the dict key). Build a separate args_item_no_name variant.
    args_item_no_name = dict(args_item_schema)
    args_item_no_name["properties"] = {
        key: value
        for key, value in args_item_schema["properties"].items()
        if key != "name"
    }
    args_item_no_name["required"] = sorted(
        key for key in args_item_schema.get("required", []) if key != "name"
    )
    ctx.register("args_item_no_name", args_item_no_name)

    result = {
        "anyOf": [
            {
                "type": "array",
                "items": {
                    "anyOf": [
                        {"type": "string"},
                        {"$ref": "#/definitions/args_item"},
                    ],
                },
            },
            {
                "type": "object",
                "additionalProperties": {"$ref": "#/definitions/args_item_no_name"},
            },
        ]
    }
    ctx.register("args_option", result)
    return result


def tasks_map_schema(ctx: SchemaContext) -> dict:
    """
    Build the schema for the `tasks` map: keys match the task-name
    pattern (imported from task/base.py — single source of truth),
    values are task definitions.
    """
    from ..task.base import _TASK_NAME_PATTERN

    result = {
        "type": "object",
        "additionalProperties": False,
        "patternProperties": {
            _TASK_NAME_PATTERN.pattern: {"$ref": "#/definitions/task_def"},
        },
    }
    ctx.register("tasks_map", result)
    return result


def groups_map_schema(ctx: SchemaContext) -> dict:
    """
    Build the schema for the `groups` map: keys match the group-name
    pattern (imported from config/partition.py — single source of truth),
    values reference the task_group TypedDict.
    """
    from ..config.partition import _GROUP_NAME_PATTERN, TaskGroup
    from ..options.annotations import TypeAnnotation
    from .translate import translate_type

    task_group_annotation = TypeAnnotation.parse(TaskGroup)
    task_group_schema = translate_type(task_group_annotation, ctx)
    ctx.register("task_group", task_group_schema)

    result = {
        "type": "object",
        "additionalProperties": False,
        "patternProperties": {
            _GROUP_NAME_PATTERN.pattern: {"$ref": "#/definitions/task_group"},
        },
    }
    ctx.register("groups_map", result)
    return result


def include_script_schema(ctx: SchemaContext) -> dict:
    """
    Build the schema for the `include_script` field. Registers the
    item dict shape as `include_script_item` so its `executor` field can
    `$ref` the discriminated executor union (rather than the bare
    `{anyOf: [string, object]}` the translator would inline).

    Precondition: executor_option_schema(ctx) must have run first so
    `executor_task_option` is in ctx.definitions.
    """
    from ..config.partition import IncludeScriptItem
    from ..options.annotations import TypeAnnotation
    from .translate import translate_type

    item_annotation = TypeAnnotation.parse(IncludeScriptItem)
    item_schema = translate_type(item_annotation, ctx)
    item_schema["properties"] = dict(item_schema["properties"])
    item_schema["properties"]["executor"] = {
        "$ref": "#/definitions/executor_task_option"
    }
    ctx.register("include_script_item", item_schema)

    result = {
        "anyOf": [
            {"type": "string"},
            {
                "type": "array",
                "items": {
                    "anyOf": [
                        {"type": "string"},
                        {"$ref": "#/definitions/include_script_item"},
                    ]
                },
            },
        ]
    }
    ctx.register("include_script", result)
    return result


def task_def_with_case_schema(ctx: SchemaContext) -> dict:
    """
    Like task_def, but every explicit task-variant branch additionally
    accepts an optional `case` key. Used inside switch tasks.

    The case key accepts a single scalar value or a list of scalars.
    The runtime converts any scalar to a string (str(case)), so integers,
    booleans, and other non-string scalars are all valid case values per
    the runtime implementation (see task/switch.py lines 110-114).

    Precondition: task_def_schema(ctx) must have been called first so
    the per-task `<key>_task` variants are in ctx.definitions.
    """
    from ..task.base import PoeTask

    # A single scalar value that will be str()-converted by the runtime.
    _case_scalar = {
        "anyOf": [
            {"type": "string"},
            {"type": "integer"},
            {"type": "boolean"},
        ]
    }
    case_value_schema = {
        "anyOf": [
            _case_scalar,
            {"type": "array", "items": _case_scalar},
        ]
    }

    task_keys = sorted(PoeTask.get_task_types())
    branches: list[dict] = []

    for key in task_keys:
        # Pull the variant's full schema from ctx.definitions and copy it
        # before mutating (definitions returns a fresh dict each call).
        variant = dict(ctx.definitions[f"{key}_task"])
        # Properties is a dict; copy and add `case`.
        variant["properties"] = dict(variant["properties"])
        variant["properties"]["case"] = case_value_schema
        # Register under a distinct name so editor tooling can jump
        # to either form.
        ctx.register(f"{key}_task_with_case", variant)
        branches.append({"$ref": f"#/definitions/{key}_task_with_case"})

    # Forward-compat fallback — same shape as in task_def_schema.
    branches.append(_residual_object_branch(task_keys))

    result = {"oneOf": branches}
    # Register under the name referenced by SwitchTask.__schema_fragment__.
    ctx.register("task_def_with_case", result)
    return result
