"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// index.ts
var index_exports = {};
__export(index_exports, {
  handler: () => handler
});
module.exports = __toCommonJS(index_exports);
var import_promises = require("node:timers/promises");

// clients.ts
var import_client_codepipeline = require("@aws-sdk/client-codepipeline");
var import_client_dynamodb = require("@aws-sdk/client-dynamodb");
var import_client_lambda = require("@aws-sdk/client-lambda");
var SDK_CLIENT_CONFIG = {
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 3e3, requestTimeout: 1e4 }
};
function createAwsClients() {
  return {
    lambda: new import_client_lambda.LambdaClient(SDK_CLIENT_CONFIG),
    codepipeline: new import_client_codepipeline.CodePipelineClient(SDK_CLIENT_CONFIG),
    dynamo: new import_client_dynamodb.DynamoDBClient(SDK_CLIENT_CONFIG)
  };
}

// handler.ts
var import_lib_dynamodb2 = require("@aws-sdk/lib-dynamodb");

// history.ts
var import_lib_dynamodb = require("@aws-sdk/lib-dynamodb");

// ../../../node_modules/zod/v4/core/util.js
function getEnumValues(entries) {
  const numericValues = Object.values(entries).filter((v) => typeof v === "number");
  const values = Object.entries(entries).filter(([k, _]) => numericValues.indexOf(+k) === -1).map(([_, v]) => v);
  return values;
}
function joinValues(array, separator = "|") {
  return array.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
  if (typeof value === "bigint")
    return value.toString();
  return value;
}
var Cached = class {
  constructor(getter) {
    this._getter = getter;
    this._value = void 0;
  }
  get value() {
    const getter = this._getter;
    if (getter !== void 0) {
      this._value = getter();
      this._getter = void 0;
    }
    return this._value;
  }
};
function cached(getter) {
  return new Cached(getter);
}
function nullish(input) {
  return input === null || input === void 0;
}
function cleanRegex(source) {
  const start = source.startsWith("^") ? 1 : 0;
  const end = source.endsWith("$") ? source.length - 1 : source.length;
  return source.slice(start, end);
}
function assignProp(target, prop, value) {
  Object.defineProperty(target, prop, {
    value,
    writable: true,
    enumerable: true,
    configurable: true
  });
}
var captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
};
function isObject(data) {
  return typeof data === "object" && data !== null && !Array.isArray(data);
}
var propertyKeyTypes = /* @__PURE__ */ new Set(["string", "number", "symbol"]);
function escapeRegex(str) {
  return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function clone(inst, def, params) {
  const cl = new inst._zod.constr(def ?? inst._zod.def);
  if (!def || params?.parent)
    cl._zod.parent = inst;
  return cl;
}
function normalizeParams(_params) {
  const params = _params;
  if (!params)
    return {};
  if (typeof params === "string")
    return { error: () => params };
  if (params?.message !== void 0) {
    if (params?.error !== void 0)
      throw new Error("Cannot specify both `message` and `error` params");
    params.error = params.message;
  }
  delete params.message;
  if (typeof params.error === "string")
    return { ...params, error: () => params.error };
  return params;
}
function stringifyPrimitive(value) {
  if (typeof value === "bigint")
    return value.toString() + "n";
  if (typeof value === "string")
    return `"${value}"`;
  return `${value}`;
}
function optionalKeys(shape) {
  return Object.keys(shape).filter((k) => {
    return shape[k]._zod.optin !== void 0 && shape[k]._zod.optout === "optional";
  });
}
function aborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue !== true) {
      return true;
    }
  }
  return false;
}
function explicitlyAborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue === false) {
      return true;
    }
  }
  return false;
}
function prefixIssues(path, issues) {
  return issues.map((iss) => {
    var _a2;
    (_a2 = iss).path ?? (_a2.path = []);
    iss.path.unshift(path);
    return iss;
  });
}
function unwrapMessage(message) {
  return typeof message === "string" ? message : message?.message;
}
function attachSchema(issues, start, inst) {
  var _a2;
  for (let i = start; i < issues.length; i++) {
    (_a2 = issues[i]).schema ?? (_a2.schema = inst);
  }
}
function finalizeIssue(iss, ctx, config2) {
  var _a2;
  const traits = iss.inst?._zod?.traits;
  if (traits?.has("$ZodType")) {
    if (traits.has("$ZodCheck"))
      (_a2 = iss).schema ?? (_a2.schema = iss.inst);
    else
      iss.schema = iss.inst;
  }
  const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0;
  const message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx?.error?.(iss)) ?? unwrapMessage(config2.customError?.(iss)) ?? unwrapMessage(config2.localeError?.(iss)) ?? "Invalid input";
  const full = {};
  for (const k of Object.keys(iss)) {
    if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
      continue;
    full[k] = iss[k];
  }
  full.path ?? (full.path = []);
  full.message = message;
  if (ctx?.reportInput) {
    full.input = iss.input;
  }
  return full;
}
var highSurrogate = /[\uD800-\uDBFF]/;
function codePointLength(str) {
  const units = str.length;
  if (!highSurrogate.test(str))
    return units;
  let count = units;
  for (let i = 0; i < units - 1; i++) {
    if ((str.charCodeAt(i) & 64512) === 55296 && (str.charCodeAt(i + 1) & 64512) === 56320) {
      count--;
      i++;
    }
  }
  return count;
}
function getLengthableOrigin(input) {
  if (Array.isArray(input))
    return "array";
  if (typeof input === "string")
    return "string";
  return "unknown";
}
function parsedType(data) {
  const t = typeof data;
  switch (t) {
    case "number": {
      return Number.isNaN(data) ? "nan" : "number";
    }
    case "object": {
      if (data === null) {
        return "null";
      }
      if (Array.isArray(data)) {
        return "array";
      }
      const obj = data;
      if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
        return obj.constructor.name;
      }
    }
  }
  return t;
}
function issue(...args) {
  const [iss, input, inst] = args;
  if (typeof iss === "string") {
    return {
      message: iss,
      code: "custom",
      input,
      inst
    };
  }
  return { ...iss };
}
function members(proto, table) {
  for (const key in table) {
    const desc = Object.getOwnPropertyDescriptor(table, key);
    if (desc.get)
      Object.defineProperty(proto, key, { ...desc, enumerable: false });
    else
      defineBound(proto, key, desc.value);
  }
}
function own(inst, key, value, enumerable = true) {
  Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
  return value;
}
function hide(inst, key, value) {
  return own(inst, key, value, false);
}
function defineBound(proto, key, fn) {
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      return this == null ? fn : own(this, key, fn.bind(this));
    },
    set(value) {
      own(this, key, value);
    }
  });
}
function claim(inst, sentinel) {
  const proto = Object.getPrototypeOf(inst);
  return sentinel in proto ? void 0 : proto;
}
var installing;
var broke = false;
var breaker = {
  configurable: true,
  get() {
    broke = true;
    return void 0;
  }
};
function defineLazyInternal(inst, key, compute) {
  const proto = Object.getPrototypeOf(inst._zod);
  if (key in proto && installing !== inst._zod) {
    installing = void 0;
    return;
  }
  installing = inst._zod;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      Object.defineProperty(this, key, breaker);
      const outer = broke;
      broke = false;
      try {
        const value = compute(this);
        if (broke)
          delete this[key];
        else
          Object.defineProperty(this, key, { configurable: true, writable: true, value });
        broke = broke || outer;
        return value;
      } catch (err) {
        delete this[key];
        broke = broke || outer;
        throw err;
      }
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, value });
    }
  });
}
function installLazyProp(inst, key, make, enumerable) {
  const proto = claim(inst, key);
  if (!proto)
    return;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      const desc = { configurable: true, writable: true, enumerable, value: void 0 };
      Object.defineProperty(this, key, desc);
      desc.value = make(this);
      Object.defineProperty(this, key, desc);
      return desc.value;
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
    }
  });
}

// ../../../node_modules/zod/v4/core/core.js
var _a;
var _zodDesc = { value: void 0, enumerable: false };
var _E = "captureStackTrace" in Error ? Error : null;
function newError(Definition) {
  const E = _E;
  if (E) {
    const saved = E.stackTraceLimit;
    if (typeof saved === "number") {
      try {
        E.stackTraceLimit = 0;
      } catch {
        _E = null;
        return new Definition();
      }
      try {
        return new Definition();
      } finally {
        E.stackTraceLimit = saved;
      }
    }
  }
  return new Definition();
}
// @__NO_SIDE_EFFECTS__
function $constructor(name, initializer2, proto, params) {
  const zodProto = {};
  function Internals(def) {
    this.def = def;
    this.constr = _;
    this.traits = /* @__PURE__ */ new Set();
  }
  Internals.prototype = zodProto;
  const protoMembers = proto;
  const initialized = protoMembers && /* @__PURE__ */ new WeakSet();
  function init(inst, def) {
    if (!inst._zod) {
      _zodDesc.value = new Internals(def);
      try {
        Object.defineProperty(inst, "_zod", _zodDesc);
      } finally {
        _zodDesc.value = void 0;
      }
    } else if (inst._zod.traits.has(name)) {
      return;
    }
    inst._zod.traits.add(name);
    initializer2(inst, def);
    if (initialized) {
      const own2 = Object.getPrototypeOf(inst);
      const ctorProto = inst._zod.constr.prototype;
      let up = own2;
      while (up && up !== ctorProto)
        up = Object.getPrototypeOf(up);
      const target = up ?? own2;
      if (!initialized.has(target)) {
        initialized.add(target);
        members(target, protoMembers);
      }
    }
    const proto2 = _.prototype;
    for (const k in proto2) {
      if (!Object.prototype.hasOwnProperty.call(proto2, k))
        continue;
      if (!(k in inst)) {
        inst[k] = proto2[k].bind(inst);
      }
    }
  }
  const Parent = params?.Parent ?? Object;
  class Definition extends Parent {
  }
  Object.defineProperty(Definition, "name", { value: name });
  function _(def) {
    const inst = params?.Parent ? newError(Definition) : this;
    init(inst, def);
    const deferred = inst._zod.deferred;
    if (deferred) {
      for (const fn of deferred) {
        fn();
      }
      inst._zod.deferred = void 0;
    }
    const pp = globalThis.__zod_globalConfig?.postProcessor;
    if (pp)
      pp(inst);
    return inst;
  }
  Object.defineProperty(_, "init", { value: init });
  Object.defineProperty(_, Symbol.hasInstance, {
    value: (inst) => {
      if (params?.Parent && inst instanceof params.Parent)
        return true;
      return inst?._zod?.traits?.has(name);
    }
  });
  Object.defineProperty(_, "name", { value: name });
  return _;
}
var $ZodAsyncError = class extends Error {
  constructor() {
    super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
  }
};
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
var globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
  if (newConfig)
    Object.assign(globalConfig, newConfig);
  return globalConfig;
}

// ../../../node_modules/zod/v4/core/errors.js
function _getMessage() {
  const internals = this._zod;
  internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
  return internals.message;
}
function _setMessage(value) {
  this._zod.message = value;
}
var _messageDesc = {
  get: _getMessage,
  set: _setMessage,
  enumerable: true,
  configurable: true
};
var _issuesDesc = { value: void 0, enumerable: false };
var _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
var initializer = (inst, def) => {
  inst.name = "$ZodError";
  _issuesDesc.value = def;
  Object.defineProperty(inst, "issues", _issuesDesc);
  _issuesDesc.value = void 0;
  Object.defineProperty(inst, "message", _messageDesc);
  const proto = Object.getPrototypeOf(inst);
  if (!_installedToString.has(proto)) {
    _installedToString.add(proto);
    Object.defineProperty(proto, "toString", {
      configurable: true,
      enumerable: false,
      get() {
        const value = () => this.message;
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
        return value;
      },
      set(value) {
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
      }
    });
  }
};
var $ZodError = $constructor("$ZodError", initializer);
var $ZodRealError = $constructor("$ZodError", initializer, void 0, {
  Parent: Error
});

// ../../../node_modules/zod/v4/core/parse.js
var _parse = (_Err) => {
  const fn = (schema, value, _ctx, _params) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
      throw new $ZodAsyncError();
    }
    if (result.issues.length) {
      const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, _params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parse = /* @__PURE__ */ _parse($ZodRealError);
var _parseAsync = (_Err) => {
  const fn = async (schema, value, _ctx, params) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
      result = await result;
    if (result.issues.length) {
      const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parseAsync = /* @__PURE__ */ _parseAsync($ZodRealError);
var _safeParse = (_Err) => (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
  const result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParse = /* @__PURE__ */ _safeParse($ZodRealError);
function failure(Err, issues, ctx) {
  let error2;
  return {
    success: false,
    get error() {
      if (!error2) {
        error2 = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
        issues = void 0;
        ctx = void 0;
      }
      return error2;
    },
    set error(e) {
      error2 = e;
      issues = void 0;
      ctx = void 0;
    }
  };
}
var _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
  let result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise)
    result = await result;
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParseAsync = /* @__PURE__ */ _safeParseAsync($ZodRealError);

// ../../../node_modules/zod/v4/core/regexes.js
var anyString = /^[\s\S]{0,}$/;
var number = /^-?\d+(?:\.\d+)?$/;

// ../../../node_modules/zod/v4/core/checks.js
var $ZodCheck = /* @__PURE__ */ $constructor("$ZodCheck", (inst, def) => {
  var _a2;
  inst._zod ?? (inst._zod = {});
  inst._zod.def = def;
  (_a2 = inst._zod).onattach ?? (_a2.onattach = []);
});
var _whenHasLength = (payload) => {
  const val = payload.value;
  return !nullish(val) && val.length !== void 0;
};
var $ZodCheckMaxLength = /* @__PURE__ */ $constructor("$ZodCheckMaxLength", (inst, def) => {
  var _a2;
  $ZodCheck.init(inst, def);
  (_a2 = inst._zod.def).when ?? (_a2.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units = input.length;
    const length = typeof input === "string" && units > def.maximum ? codePointLength(input) : units;
    if (length <= def.maximum)
      return;
    const origin = getLengthableOrigin(input);
    payload.issues.push({
      origin,
      code: "too_big",
      maximum: def.maximum,
      inclusive: true,
      input,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckMinLength = /* @__PURE__ */ $constructor("$ZodCheckMinLength", (inst, def) => {
  var _a2;
  $ZodCheck.init(inst, def);
  (_a2 = inst._zod.def).when ?? (_a2.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units = input.length;
    const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2 ? codePointLength(input) : units;
    if (length >= def.minimum)
      return;
    const origin = getLengthableOrigin(input);
    payload.issues.push({
      origin,
      code: "too_small",
      minimum: def.minimum,
      inclusive: true,
      input,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckStringFormat = /* @__PURE__ */ $constructor("$ZodCheckStringFormat", (inst, def) => {
  var _a2, _b;
  $ZodCheck.init(inst, def);
  if (def.pattern)
    (_a2 = inst._zod).check ?? (_a2.check = (payload) => {
      def.pattern.lastIndex = 0;
      if (def.pattern.test(payload.value))
        return;
      payload.issues.push({
        origin: "string",
        code: "invalid_format",
        format: def.format,
        input: payload.value,
        ...def.pattern ? { pattern: def.pattern.toString() } : {},
        inst,
        continue: !def.abort
      });
    });
  else
    (_b = inst._zod).check ?? (_b.check = () => {
    });
});
var $ZodCheckRegex = /* @__PURE__ */ $constructor("$ZodCheckRegex", (inst, def) => {
  $ZodCheckStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    def.pattern.lastIndex = 0;
    if (def.pattern.test(payload.value))
      return;
    payload.issues.push({
      origin: "string",
      code: "invalid_format",
      format: "regex",
      input: payload.value,
      pattern: def.pattern.toString(),
      inst,
      continue: !def.abort
    });
  };
});

// ../../../node_modules/zod/v4/core/versions.js
var version = {
  major: 4,
  minor: 6,
  patch: 7
};

// ../../../node_modules/zod/v4/core/schemas.js
var $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
  var _a2;
  inst ?? (inst = {});
  inst._zod.def = def;
  inst._zod.bag = inst._zod.bag || {};
  inst._zod.version = version;
  const defChecks = inst._zod.def.checks;
  const checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : defChecks?.length ? [...defChecks] : [];
  for (const ch of checks) {
    for (const fn of ch._zod.onattach) {
      fn(inst);
    }
  }
  if (checks.length === 0) {
    (_a2 = inst._zod).deferred ?? (_a2.deferred = []);
    inst._zod.deferred?.push(() => {
      inst._zod.run = inst._zod.parse;
    });
  } else {
    const runChecks = (payload, checks2, ctx) => {
      if (payload.memo)
        return payload;
      let isAborted = aborted(payload);
      let asyncResult;
      for (const ch of checks2) {
        if (ch._zod.def.when) {
          if (explicitlyAborted(payload))
            continue;
          const shouldRun = ch._zod.def.when(payload);
          if (!shouldRun)
            continue;
        } else if (isAborted) {
          continue;
        }
        const currLen = payload.issues.length;
        const _ = ch._zod.check(payload);
        if (_ instanceof Promise && ctx?.async === false) {
          throw new $ZodAsyncError();
        }
        if (asyncResult || _ instanceof Promise) {
          asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
            await _;
            const nextLen = payload.issues.length;
            if (nextLen === currLen)
              return;
            attachSchema(payload.issues, currLen, inst);
            if (!isAborted)
              isAborted = aborted(payload, currLen);
          });
        } else {
          const nextLen = payload.issues.length;
          if (nextLen === currLen)
            continue;
          attachSchema(payload.issues, currLen, inst);
          if (!isAborted)
            isAborted = aborted(payload, currLen);
        }
      }
      if (asyncResult) {
        return asyncResult.then(() => {
          return payload;
        });
      }
      return payload;
    };
    const handleCanaryResult = (canary, payload, ctx) => {
      if (aborted(canary)) {
        canary.aborted = true;
        return canary;
      }
      const checkResult = runChecks(payload, checks, ctx);
      if (checkResult instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return checkResult.then((checkResult2) => inst._zod.parse(checkResult2, ctx));
      }
      return inst._zod.parse(checkResult, ctx);
    };
    inst._zod.run = (payload, ctx) => {
      if (ctx.skipChecks) {
        return inst._zod.parse(payload, ctx);
      }
      if (ctx.direction === "backward") {
        const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
        if (canary instanceof Promise) {
          return canary.then((canary2) => {
            return handleCanaryResult(canary2, payload, ctx);
          });
        }
        return handleCanaryResult(canary, payload, ctx);
      }
      const result = inst._zod.parse(payload, ctx);
      if (result instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return result.then((result2) => runChecks(result2, checks, ctx));
      }
      return runChecks(result, checks, ctx);
    };
  }
}, {
  // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
  get "~standard"() {
    return hide(this, "~standard", standardProps(this));
  },
  set "~standard"(value) {
    own(this, "~standard", value);
  }
});
var toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
  const ctx = { async: true };
  return toStandardResult(await inst._zod.run({ value, issues: [] }, ctx), ctx);
}
function standardProps(inst) {
  return {
    validate: (value) => {
      const ctx = { async: false };
      try {
        const r = inst._zod.run({ value, issues: [] }, ctx);
        if (!(r instanceof Promise))
          return toStandardResult(r, ctx);
      } catch (_) {
      }
      return validateAsync(inst, value);
    },
    vendor: "zod",
    version: 1
  };
}
var $ZodString = /* @__PURE__ */ $constructor("$ZodString", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = def.pattern ?? anyString;
  inst._zod.parse = (payload, _) => {
    if (def.coerce)
      try {
        payload.value = String(payload.value);
      } catch (_2) {
      }
    if (typeof payload.value === "string")
      return payload;
    payload.issues.push({
      expected: "string",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
var $ZodNumber = /* @__PURE__ */ $constructor("$ZodNumber", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = number;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Number(payload.value);
      } catch (_) {
      }
    const input = payload.value;
    if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
      return payload;
    }
    const received = typeof input === "number" ? Number.isNaN(input) ? "NaN" : !Number.isFinite(input) ? String(input) : void 0 : void 0;
    payload.issues.push({
      expected: "number",
      code: "invalid_type",
      input,
      inst,
      ...received ? { received } : {}
    });
    return payload;
  };
});
var $ZodNever = /* @__PURE__ */ $constructor("$ZodNever", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    payload.issues.push({
      expected: "never",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
function handlePropertyResult(result, final, key, input, optin, optout) {
  const isPresent = key in input;
  const isOptionalOut = optout === "optional";
  if (!isPresent && isOptionalOut && optin === "optional") {
    return;
  }
  if (result.issues.length) {
    if (optin !== void 0 && isOptionalOut && !isPresent) {
      return;
    }
    final.issues.push(...prefixIssues(key, result.issues));
  }
  if (!isPresent && optin === void 0) {
    if (!result.issues.length) {
      final.issues.push({
        code: "invalid_type",
        expected: "nonoptional",
        input: void 0,
        path: [key]
      });
    }
    return;
  }
  if (result.value === void 0) {
    if (isPresent || optin === "defaulted" && !isOptionalOut) {
      final.value[key] = void 0;
    }
  } else {
    final.value[key] = result.value;
  }
}
var NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
  const keys = Object.keys(def.shape);
  const ownSymbols = Object.getOwnPropertySymbols(def.shape);
  const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
  const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
  for (const k of allKeys) {
    if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
      throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
    }
  }
  const okeys = optionalKeys(def.shape);
  return {
    ...def,
    allKeys,
    symbolKeys,
    // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
    keySet: new Set(keys),
    numKeys: keys.length,
    optionalKeys: new Set(okeys)
  };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
  const unrecognized = [];
  const keySet = def.keySet;
  const _catchall = def.catchall._zod;
  const t = _catchall.def.type;
  const optin = _catchall.optin;
  const optout = _catchall.optout;
  let seen = 0;
  for (const key in input) {
    if (abortEarly && payload.issues.length !== seen) {
      if (aborted(payload, seen))
        break;
      seen = payload.issues.length;
    }
    if (keySet.has(key))
      continue;
    if (key === "__proto__") {
      if (t === "never")
        unrecognized.push(key);
      continue;
    }
    if (t === "never") {
      unrecognized.push(key);
      continue;
    }
    const r = _catchall.run({ value: input[key], issues: [] }, ctx);
    if (r instanceof Promise) {
      proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
    } else {
      handlePropertyResult(r, payload, key, input, optin, optout);
    }
  }
  if (unrecognized.length) {
    payload.issues.push({
      code: "unrecognized_keys",
      keys: unrecognized,
      input,
      inst,
      // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
      continue: true
    });
  }
  if (!proms.length)
    return payload;
  return Promise.all(proms).then(() => {
    return payload;
  });
}
var $ZodObject = /* @__PURE__ */ $constructor("$ZodObject", (inst, def) => {
  $ZodType.init(inst, def);
  const desc = Object.getOwnPropertyDescriptor(def, "shape");
  const sh = desc?.get ? desc.get.raw : def.shape ?? {};
  if (sh) {
    const get = () => {
      const newSh = { ...sh };
      Object.defineProperty(def, "shape", { value: newSh });
      get.raw = newSh;
      return newSh;
    };
    get.raw = sh;
    Object.defineProperty(def, "shape", { get });
  }
  const _normalized = cached(() => normalizeDef(def));
  defineLazyInternal(inst, "propValues", (zod) => {
    const shape = zod.def.shape;
    const propValues = {};
    for (const key in shape) {
      const field = shape[key]._zod;
      if (field.values) {
        if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
          assignProp(propValues, key, /* @__PURE__ */ new Set());
        }
        for (const v of field.values)
          propValues[key].add(v);
        if (field.optin !== void 0)
          propValues[key].add(void 0);
      }
    }
    return propValues;
  });
  const isObject2 = isObject;
  const catchall = def.catchall;
  let value;
  const memo = globalConfig.memoizer;
  memo?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    value ?? (value = _normalized.value);
    const input = payload.value;
    if (!isObject2(input)) {
      payload.issues.push({
        expected: "object",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
    const proms = [];
    const shape = value.shape;
    const abortEarly = ctx?.abortEarly;
    let seen = payload.issues.length;
    for (const key of value.allKeys) {
      if (abortEarly && payload.issues.length !== seen) {
        if (aborted(payload, seen))
          break;
        seen = payload.issues.length;
      }
      if (key === "__proto__")
        continue;
      const el = shape[key];
      const optin = el._zod.optin;
      const optout = el._zod.optout;
      const r = el._zod.run({ value: input[key], issues: [] }, ctx);
      if (r instanceof Promise) {
        proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
      } else {
        handlePropertyResult(r, payload, key, input, optin, optout);
      }
    }
    if (!catchall) {
      return proms.length ? Promise.all(proms).then(() => payload) : payload;
    }
    return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
  };
});
var $ZodEnum = /* @__PURE__ */ $constructor("$ZodEnum", (inst, def) => {
  $ZodType.init(inst, def);
  const values = getEnumValues(def.entries);
  const valuesSet = new Set(values);
  inst._zod.values = valuesSet;
  defineLazyInternal(inst, "pattern", (zod) => {
    const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
    return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input = payload.value;
    if (valuesSet.has(input)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values,
      input,
      inst
    });
    return payload;
  };
});
function handleOptionalResult(payload, result) {
  payload.value = result.issues.length ? void 0 : result.value;
  return payload;
}
var $ZodOptional = /* @__PURE__ */ $constructor("$ZodOptional", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
  inst._zod.optout = "optional";
  defineLazyInternal(inst, "values", (zod) => {
    const values = zod.def.innerType._zod.values;
    return values ? /* @__PURE__ */ new Set([...values, void 0]) : void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    const pattern = zod.def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === void 0) {
      if (def.innerType._zod.optin !== "defaulted")
        return payload;
      const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
      if (result instanceof Promise)
        return result.then((result2) => handleOptionalResult(payload, result2));
      return handleOptionalResult(payload, result);
    }
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodCustom = /* @__PURE__ */ $constructor("$ZodCustom", (inst, def) => {
  $ZodCheck.init(inst, def);
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _) => {
    return payload;
  };
  inst._zod.check = (payload) => {
    const input = payload.value;
    const r = def.fn(input);
    if (r instanceof Promise) {
      return r.then((r2) => handleRefineResult(r2, payload, input, inst));
    }
    handleRefineResult(r, payload, input, inst);
    return;
  };
});
function handleRefineResult(result, payload, input, inst) {
  if (!result) {
    const _iss = {
      code: "custom",
      input,
      inst,
      // incorporates params.error into issue reporting
      path: [...inst._zod.def.path ?? []],
      // incorporates params.error into issue reporting
      continue: !inst._zod.def.abort
      // params: inst._zod.def.params,
    };
    if (inst._zod.def.params)
      _iss.params = inst._zod.def.params;
    payload.issues.push(issue(_iss));
  }
}

// ../../../node_modules/zod/v4/locales/en.js
var error = () => {
  const Sizable = {
    string: { unit: "characters", verb: "to have" },
    file: { unit: "bytes", verb: "to have" },
    array: { unit: "items", verb: "to have" },
    set: { unit: "items", verb: "to have" },
    map: { unit: "entries", verb: "to have" }
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const FormatDictionary = {
    regex: "input",
    email: "email address",
    url: "URL",
    emoji: "emoji",
    uuid: "UUID",
    uuidv4: "UUIDv4",
    uuidv6: "UUIDv6",
    nanoid: "nanoid",
    guid: "GUID",
    cuid: "cuid",
    cuid2: "cuid2",
    ulid: "ULID",
    xid: "XID",
    ksuid: "KSUID",
    datetime: "ISO datetime",
    date: "ISO date",
    time: "ISO time",
    duration: "ISO duration",
    ipv4: "IPv4 address",
    ipv6: "IPv6 address",
    mac: "MAC address",
    cidrv4: "IPv4 range",
    cidrv6: "IPv6 range",
    base64: "base64-encoded string",
    base64url: "base64url-encoded string",
    json_string: "JSON string",
    e164: "E.164 number",
    currency_code: "currency code",
    credit_card: "credit card number",
    iban: "IBAN",
    jwt: "JWT",
    template_literal: "input"
  };
  const TypeDictionary = {
    // Compatibility: "nan" -> "NaN" for display
    nan: "NaN"
    // All other type names omitted - they fall back to raw values via ?? operator
  };
  function getTypeName(type, input) {
    if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
      return String(input);
    }
    return TypeDictionary[type] ?? type;
  }
  return (issue2) => {
    switch (issue2.code) {
      case "invalid_type": {
        const expected = getTypeName(issue2.expected);
        const receivedType = parsedType(issue2.input);
        const received = getTypeName(receivedType, issue2.input);
        return `Invalid input: expected ${expected}, received ${received}`;
      }
      case "invalid_value":
        if (issue2.values.length === 1)
          return `Invalid input: expected ${stringifyPrimitive(issue2.values[0])}`;
        return `Invalid option: expected one of ${joinValues(issue2.values, "|")}`;
      case "too_big": {
        const adj = issue2.exact ? "exactly " : issue2.inclusive ? "<=" : "<";
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Too big: expected ${issue2.origin ?? "value"} to have ${adj}${issue2.maximum.toString()} ${sizing.unit ?? "elements"}`;
        return `Too big: expected ${issue2.origin ?? "value"} to be ${adj}${issue2.maximum.toString()}`;
      }
      case "too_small": {
        const adj = issue2.exact ? "exactly " : issue2.inclusive ? ">=" : ">";
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Too small: expected ${issue2.origin} to have ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Too small: expected ${issue2.origin} to be ${adj}${issue2.minimum.toString()}`;
      }
      case "invalid_format": {
        const _issue = issue2;
        if (_issue.format === "starts_with") {
          return `Invalid string: must start with "${_issue.prefix}"`;
        }
        if (_issue.format === "ends_with")
          return `Invalid string: must end with "${_issue.suffix}"`;
        if (_issue.format === "includes")
          return `Invalid string: must include "${_issue.includes}"`;
        if (_issue.format === "regex")
          return `Invalid string: must match pattern ${_issue.pattern}`;
        return `Invalid ${FormatDictionary[_issue.format] ?? issue2.format}`;
      }
      case "not_multiple_of":
        return `Invalid number: must be a multiple of ${issue2.divisor}`;
      case "unrecognized_keys":
        return `Unrecognized key${issue2.keys.length > 1 ? "s" : ""}: ${joinValues(issue2.keys, ", ")}`;
      case "invalid_key":
        return `Invalid key in ${issue2.origin}`;
      case "invalid_union":
        if (issue2.options && Array.isArray(issue2.options) && issue2.options.length > 0) {
          const opts = issue2.options.map((o) => `'${o}'`).join(" | ");
          return `Invalid discriminator value. Expected ${opts}`;
        }
        if (issue2.inclusive === false) {
          return "Invalid input: more than one option matched";
        }
        return "Invalid input";
      case "invalid_element":
        return `Invalid value in ${issue2.origin}`;
      default:
        return `Invalid input`;
    }
  };
};
function en_default() {
  return {
    localeError: error()
  };
}

// ../../../node_modules/zod/v4/core/api.js
function snapshotChecks(def) {
  if (def.checks)
    def.checks = [...def.checks];
  return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
  return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
  return new Class(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
  return new Class({
    type: "never",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
  const ch = new $ZodCheckMaxLength({
    check: "max_length",
    ...normalizeParams(params),
    maximum
  });
  return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
  return new $ZodCheckMinLength({
    check: "min_length",
    ...normalizeParams(params),
    minimum
  });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
  return new $ZodCheckRegex({
    check: "string_format",
    format: "regex",
    ...normalizeParams(params),
    pattern
  });
}
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
  const schema = new Class({
    type: "custom",
    check: "custom",
    fn,
    ...normalizeParams(_params)
  });
  return schema;
}

// ../../../node_modules/zod/v4/mini/schemas.js
var ZodMiniType = /* @__PURE__ */ $constructor("ZodMiniType", (inst, def) => {
  if (!inst._zod)
    throw new Error("Uninitialized schema in ZodMiniType.");
  $ZodType.init(inst, def);
  inst.def = def;
  inst.type = def.type;
}, {
  // `with` is an alias for `check`: the same function object, not a wrapper.
  get with() {
    return this.check;
  },
  set with(value) {
    own(this, "with", value);
  },
  parse(data, params) {
    return parse(this, data, params, { callee: this.parse });
  },
  parseAsync(data, params) {
    return parseAsync(this, data, params, { callee: this.parseAsync });
  },
  safeParse(data, params) {
    return safeParse(this, data, params);
  },
  safeParseAsync(data, params) {
    return safeParseAsync(this, data, params);
  },
  check(...checks) {
    const def = this.def;
    return this.clone({
      ...def,
      checks: [
        ...def.checks ?? [],
        ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
      ]
    }, { parent: true });
  },
  clone(_def, params) {
    return clone(this, _def, params);
  },
  brand() {
    return this;
  },
  register(reg, meta2) {
    reg.add(this, meta2);
    return this;
  },
  apply(fn, ...args) {
    return args.length === 0 ? fn(this) : fn(this, ...args);
  }
});
var ZodMiniString = /* @__PURE__ */ $constructor("ZodMiniString", (inst, def) => {
  $ZodString.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function string2(params) {
  return _string(ZodMiniString, params);
}
var ZodMiniNumber = /* @__PURE__ */ $constructor("ZodMiniNumber", (inst, def) => {
  $ZodNumber.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function number2(params) {
  return _number(ZodMiniNumber, params);
}
var ZodMiniNever = /* @__PURE__ */ $constructor("ZodMiniNever", (inst, def) => {
  $ZodNever.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function never(params) {
  return _never(ZodMiniNever, params);
}
var ZodMiniObject = /* @__PURE__ */ $constructor("ZodMiniObject", (inst, def) => {
  $ZodObject.init(inst, def);
  ZodMiniType.init(inst, def);
  installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
});
// @__NO_SIDE_EFFECTS__
function object(shape, params) {
  const def = {
    type: "object",
    shape: shape ?? {},
    ...normalizeParams(params)
  };
  return new ZodMiniObject(def);
}
// @__NO_SIDE_EFFECTS__
function strictObject(shape, params) {
  return new ZodMiniObject({
    type: "object",
    shape,
    catchall: /* @__PURE__ */ never(),
    ...normalizeParams(params)
  });
}
var ZodMiniEnum = /* @__PURE__ */ $constructor("ZodMiniEnum", (inst, def) => {
  $ZodEnum.init(inst, def);
  ZodMiniType.init(inst, def);
  inst.options = [...inst._zod.values];
});
// @__NO_SIDE_EFFECTS__
function _enum(values, params) {
  const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new ZodMiniEnum({
    type: "enum",
    entries,
    ...normalizeParams(params)
  });
}
var ZodMiniOptional = /* @__PURE__ */ $constructor("ZodMiniOptional", (inst, def) => {
  $ZodOptional.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
  return new ZodMiniOptional({
    type: "optional",
    innerType
  });
}
var ZodMiniCustom = /* @__PURE__ */ $constructor("ZodMiniCustom", (inst, def) => {
  $ZodCustom.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function refine(fn, _params = {}) {
  return _refine(ZodMiniCustom, fn, _params);
}

// history.ts
var recordSchema = object({
  deploymentId: string2(),
  timestamp: string2(),
  environment: string2(),
  status: _enum(["IN_PROGRESS", "SUCCEEDED", "FAILED"]),
  functionName: optional(string2()),
  imageUri: optional(string2()),
  commit: optional(string2()),
  imageDigest: optional(string2()),
  resolvedImageUri: optional(string2()),
  codeSha256: optional(string2()),
  version: optional(string2()),
  previousVersion: optional(string2()),
  alias: optional(string2()),
  durationMs: optional(number2()),
  finishedAt: optional(string2()),
  error: optional(string2())
});
var DeploymentHistory = class {
  constructor(doc, tableName) {
    this.doc = doc;
    this.tableName = tableName;
  }
  doc;
  tableName;
  /** The record of a job, if one was written. A strongly consistent read, so a retry sees it. */
  async find(deploymentId, options = {}) {
    const result = await this.doc.send(
      new import_lib_dynamodb.QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: "deploymentId = :id",
        ExpressionAttributeValues: { ":id": deploymentId },
        ConsistentRead: true,
        Limit: 1
      }),
      options
    );
    const item = result.Items?.[0];
    return item === void 0 ? void 0 : recordSchema.parse(item);
  }
  /**
   * Writes a new record unless one with the same key exists.
   * @returns false when the record already existed (it is left as it was).
   */
  async create(record, options = {}) {
    try {
      await this.doc.send(
        new import_lib_dynamodb.PutCommand({
          TableName: this.tableName,
          Item: { ...record },
          ConditionExpression: "attribute_not_exists(deploymentId)"
        }),
        options
      );
      return true;
    } catch (error2) {
      if (isConditionalCheckFailure(error2)) return false;
      throw error2;
    }
  }
  /**
   * Sets the final status of an IN_PROGRESS record with what the deployment learned.
   * @returns false when the record was already finished (by a concurrent delivery of the job).
   */
  async finish(key, outcome, options = {}) {
    const fields = Object.entries(outcome).filter(([, value]) => value !== void 0);
    const names = { "#status": "status" };
    const values = { ":inProgress": "IN_PROGRESS" };
    const assignments = fields.map(([field, value], index) => {
      names[`#f${index}`] = field;
      values[`:v${index}`] = value;
      return `#f${index} = :v${index}`;
    });
    try {
      await this.doc.send(
        new import_lib_dynamodb.UpdateCommand({
          TableName: this.tableName,
          Key: { deploymentId: key.deploymentId, timestamp: key.timestamp },
          UpdateExpression: `SET ${assignments.join(", ")}`,
          ConditionExpression: "attribute_exists(deploymentId) AND #status = :inProgress",
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values
        }),
        options
      );
      return true;
    } catch (error2) {
      if (isConditionalCheckFailure(error2)) return false;
      throw error2;
    }
  }
};
function isConditionalCheckFailure(error2) {
  return error2 instanceof Error && error2.name === "ConditionalCheckFailedException";
}

// job.ts
config(en_default());
var LIVE_ALIAS = "live";
var ECR_IMAGE_URI = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[a-z0-9]+(?:[._/-][a-z0-9]+)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$/;
var FUNCTION_NAME = /^(?:arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:)?[A-Za-z0-9_-]{1,64}$/;
var notAnUnresolvedVariable = (value) => !value.includes("#{");
var UNRESOLVED = "is an unresolved pipeline variable; check the namespace and variable name";
var resolved = () => refine(notAnUnresolvedVariable, { error: UNRESOLVED, abort: true });
var text = () => string2({ error: (issue2) => issue2.input === void 0 ? "is required" : "must be a string" });
var imageUriSchema = text().check(
  resolved(),
  refine(
    (value) => ECR_IMAGE_URI.test(value),
    "must be an ECR image URI with a tag or digest, like 123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag"
  )
);
var functionNameSchema = text().check(
  resolved(),
  refine((value) => FUNCTION_NAME.test(value), "must be a Lambda function name or unqualified function ARN")
);
var userParametersSchema = strictObject({
  imageUri: imageUriSchema,
  functionName: optional(functionNameSchema),
  commit: optional(
    text().check(resolved(), _minLength(1), _maxLength(256))
  )
});
var jobEventSchema = object({
  "CodePipeline.job": object({
    id: string2().check(_minLength(1)),
    accountId: optional(string2()),
    data: object({
      actionConfiguration: object({
        configuration: object({
          FunctionName: optional(string2()),
          UserParameters: optional(string2())
        })
      })
    })
  })
});
var deployEnvSchema = object({
  DEPLOYMENT_TABLE_NAME: text().check(_regex(/^[A-Za-z0-9_.-]{3,255}$/, "must be a DynamoDB table name")),
  ENVIRONMENT_SUFFIX: text().check(_minLength(1, "must not be empty")),
  TARGET_FUNCTION_NAME: optional(functionNameSchema)
});
function describeIssues(error2, prefix = "") {
  return error2.issues.map((issue2) => {
    const field = [prefix, ...issue2.path.map(String)].filter((part) => part !== "").join(".");
    return field === "" ? issue2.message : `${field} ${issue2.message}`;
  }).join("; ");
}
function jobIdOf(event) {
  const parsed = object({ "CodePipeline.job": object({ id: string2().check(_minLength(1)) }) }).safeParse(event);
  return parsed.success ? parsed.data["CodePipeline.job"].id : void 0;
}
function readDeployEnv(env) {
  const parsed = deployEnvSchema.safeParse({
    DEPLOYMENT_TABLE_NAME: env.DEPLOYMENT_TABLE_NAME,
    ENVIRONMENT_SUFFIX: env.ENVIRONMENT_SUFFIX,
    TARGET_FUNCTION_NAME: env.TARGET_FUNCTION_NAME === "" ? void 0 : env.TARGET_FUNCTION_NAME
  });
  if (!parsed.success) {
    throw new Error(`deploy function environment: ${describeIssues(parsed.error)}`);
  }
  return {
    tableName: parsed.data.DEPLOYMENT_TABLE_NAME,
    environmentSuffix: parsed.data.ENVIRONMENT_SUFFIX,
    ...parsed.data.TARGET_FUNCTION_NAME === void 0 ? {} : { targetFunctionName: parsed.data.TARGET_FUNCTION_NAME }
  };
}
function parseUserParameters(raw) {
  const example = `like {"imageUri": "#{BuildVariables.IMAGE_URI}", "commit": "#{SourceVariables.CommitId}"}`;
  if (raw === void 0 || raw.trim() === "") {
    return `the action has no UserParameters; set them to a JSON object ${example} (reading the image from an input artifact is not supported)`;
  }
  let json;
  try {
    json = JSON.parse(raw);
  } catch {
    return `UserParameters is not JSON; set it to a JSON object ${example}`;
  }
  const parsed = userParametersSchema.safeParse(json);
  return parsed.success ? parsed.data : `UserParameters: ${describeIssues(parsed.error)}`;
}
function readJob(event, env) {
  const jobId = jobIdOf(event);
  if (jobId === void 0) {
    throw new Error('the event is not a CodePipeline job (no "CodePipeline.job".id); nothing to report to');
  }
  const parsed = jobEventSchema.safeParse(event);
  if (!parsed.success) {
    return { ok: false, jobId, error: `job event: ${describeIssues(parsed.error)}` };
  }
  const configuration = parsed.data["CodePipeline.job"].data.actionConfiguration.configuration;
  const parameters = parseUserParameters(configuration.UserParameters);
  if (typeof parameters === "string") {
    return { ok: false, jobId, error: parameters };
  }
  const functionName = parameters.functionName ?? env.targetFunctionName;
  if (functionName === void 0) {
    return {
      ok: false,
      jobId,
      error: "no target function: set functionName in UserParameters or TARGET_FUNCTION_NAME on the deploy function"
    };
  }
  if (configuration.FunctionName !== void 0 && baseName(functionName) === baseName(configuration.FunctionName)) {
    return { ok: false, jobId, error: `the target function ${functionName} is this deploy function; name the application function` };
  }
  return {
    ok: true,
    jobId,
    request: {
      imageUri: parameters.imageUri,
      functionName,
      ...parameters.commit === void 0 ? {} : { commit: parameters.commit }
    }
  };
}
function baseName(functionNameOrArn) {
  return functionNameOrArn.slice(functionNameOrArn.lastIndexOf(":") + 1);
}

// release.ts
var import_client_lambda2 = require("@aws-sdk/client-lambda");
var DeadlineError = class extends Error {
};
var seconds = (ms) => `${Math.round(ms / 1e3)} s`;
function isSettled(configuration) {
  return configuration.State !== "Pending" && configuration.LastUpdateStatus !== "InProgress";
}
async function waitUntilSettled(lambda, functionName, clock, options) {
  const started = clock.now();
  for (; ; ) {
    const configuration = await lambda.send(
      new import_client_lambda2.GetFunctionConfigurationCommand({ FunctionName: functionName }),
      { abortSignal: options.abortSignal }
    );
    if (isSettled(configuration)) return configuration;
    const now = clock.now();
    if (now + options.pollIntervalMs > options.deadline) {
      throw new DeadlineError(
        `function ${functionName} is still updating (State ${configuration.State ?? "unknown"}, LastUpdateStatus ${configuration.LastUpdateStatus ?? "unknown"}) after ${seconds(now - started)}; stopped waiting to report before the deploy function times out. The update may still finish: check the function, then retry the stage, or raise the deploy function's timeout`
      );
    }
    await clock.sleep(options.pollIntervalMs);
  }
}
function describeUpdateFailure(functionName, imageUri, configuration) {
  const reason = [configuration.LastUpdateStatusReasonCode, configuration.LastUpdateStatusReason].filter((part) => part !== void 0 && part !== "").join(": ");
  return `updating ${functionName} to ${imageUri} ended with LastUpdateStatus ${configuration.LastUpdateStatus ?? "unknown"}` + (reason === "" ? "" : ` (${reason})`);
}
function digestOf(resolvedImageUri) {
  const at = resolvedImageUri?.lastIndexOf("@") ?? -1;
  return resolvedImageUri === void 0 || at < 0 ? void 0 : resolvedImageUri.slice(at + 1);
}
function versionDescription(request) {
  const text2 = request.commit === void 0 ? request.imageUri : `${request.commit} ${request.imageUri}`;
  return text2.length <= 256 ? text2 : `${text2.slice(0, 255)}\u2026`;
}
async function moveAlias(lambda, functionName, aliasName, version2, abortSignal) {
  let current;
  try {
    current = await lambda.send(new import_client_lambda2.GetAliasCommand({ FunctionName: functionName, Name: aliasName }), { abortSignal });
  } catch (error2) {
    if (!(error2 instanceof Error && error2.name === "ResourceNotFoundException")) throw error2;
  }
  if (current === void 0) {
    await lambda.send(
      new import_client_lambda2.CreateAliasCommand({ FunctionName: functionName, Name: aliasName, FunctionVersion: version2 }),
      { abortSignal }
    );
    return void 0;
  }
  await lambda.send(
    new import_client_lambda2.UpdateAliasCommand({
      FunctionName: functionName,
      Name: aliasName,
      FunctionVersion: version2,
      // A leftover canary weight would keep sending traffic to an old version.
      RoutingConfig: { AdditionalVersionWeights: {} },
      // Fails instead of overwriting a change made since it was read.
      RevisionId: current.RevisionId
    }),
    { abortSignal }
  );
  return current.FunctionVersion;
}
async function release(lambda, request, aliasName, clock, options, progress) {
  const { functionName, imageUri } = request;
  const { abortSignal } = options;
  const before = await waitUntilSettled(lambda, functionName, clock, options);
  if (before.PackageType !== "Image") {
    throw new Error(
      `function ${functionName} is packaged as ${before.PackageType ?? "Zip"}; this step deploys container-image functions only`
    );
  }
  await lambda.send(new import_client_lambda2.UpdateFunctionCodeCommand({ FunctionName: functionName, ImageUri: imageUri }), { abortSignal });
  const after = await waitUntilSettled(lambda, functionName, clock, options);
  if (after.LastUpdateStatus !== "Successful") {
    throw new Error(describeUpdateFailure(functionName, imageUri, after));
  }
  progress.codeSha256 = after.CodeSha256;
  const published = await lambda.send(
    new import_client_lambda2.PublishVersionCommand({
      FunctionName: functionName,
      // Publishes exactly the code just deployed, or fails if someone changed it since.
      CodeSha256: after.CodeSha256,
      Description: versionDescription(request)
    }),
    { abortSignal }
  );
  const version2 = published.Version;
  if (version2 === void 0 || published.CodeSha256 === void 0) {
    throw new Error(`PublishVersion for ${functionName} returned no version`);
  }
  progress.version = version2;
  progress.codeSha256 = published.CodeSha256;
  const code = await lambda.send(new import_client_lambda2.GetFunctionCommand({ FunctionName: functionName, Qualifier: version2 }), { abortSignal });
  progress.resolvedImageUri = code.Code?.ResolvedImageUri;
  progress.imageDigest = digestOf(code.Code?.ResolvedImageUri);
  progress.previousVersion = await moveAlias(lambda, functionName, aliasName, version2, abortSignal);
  progress.alias = aliasName;
  return { ...progress, version: version2, codeSha256: published.CodeSha256, alias: aliasName };
}

// report.ts
var import_client_codepipeline2 = require("@aws-sdk/client-codepipeline");
var MAX_FAILURE_MESSAGE = 5e3;
var MAX_SUMMARY = 2048;
var MAX_EXTERNAL_EXECUTION_ID = 1500;
function truncate(text2, max) {
  return text2.length <= max ? text2 : `${text2.slice(0, max - 1)}\u2026`;
}
function describeError(error2) {
  if (!(error2 instanceof Error)) return String(error2);
  if (error2.name === "AbortError") return "no answer in the time this invocation had left (request aborted)";
  const code = error2.code;
  const parts = [];
  if (error2.name !== "Error") parts.push(error2.name);
  if (typeof code === "string" && !error2.message.includes(code)) parts.push(code);
  const inner = error2 instanceof AggregateError ? error2.errors.map(describeError) : [];
  const message = error2.message !== "" ? error2.message : inner.join("; ");
  if (message !== "") parts.push(message);
  return parts.length === 0 ? "unknown error" : parts.join(": ");
}
function isAlreadyFinished(error2) {
  return error2 instanceof Error && error2.name === "InvalidJobStateException";
}
async function reportSuccess(codepipeline, jobId, summary, outputVariables2, externalExecutionId, abortSignal) {
  try {
    await codepipeline.send(
      new import_client_codepipeline2.PutJobSuccessResultCommand({
        jobId,
        executionDetails: {
          summary: truncate(summary, MAX_SUMMARY),
          percentComplete: 100,
          ...externalExecutionId === void 0 ? {} : { externalExecutionId: truncate(externalExecutionId, MAX_EXTERNAL_EXECUTION_ID) }
        },
        outputVariables: { ...outputVariables2 }
      }),
      { abortSignal }
    );
    return "reported";
  } catch (error2) {
    if (isAlreadyFinished(error2)) return "already-finished";
    throw error2;
  }
}
async function reportFailure(codepipeline, jobId, message, externalExecutionId, abortSignal) {
  try {
    await codepipeline.send(
      new import_client_codepipeline2.PutJobFailureResultCommand({
        jobId,
        failureDetails: {
          type: "JobFailed",
          message: truncate(message, MAX_FAILURE_MESSAGE),
          ...externalExecutionId === void 0 ? {} : { externalExecutionId: truncate(externalExecutionId, MAX_EXTERNAL_EXECUTION_ID) }
        }
      }),
      { abortSignal }
    );
    return "reported";
  } catch (error2) {
    if (isAlreadyFinished(error2)) return "already-finished";
    throw error2;
  }
}

// handler.ts
var DEFAULT_POLL_INTERVAL_MS = 5e3;
var MAX_REPORT_RESERVE_MS = 1e4;
function splitInvocationTime(remainingMs) {
  const reserveMs = Math.min(MAX_REPORT_RESERVE_MS, Math.floor(remainingMs / 4));
  return { workMs: Math.max(1, remainingMs - reserveMs), reserveMs };
}
var defaultLog = (entry) => {
  console.log(JSON.stringify(entry));
};
function successSummary(details) {
  const from = details.previousVersion === void 0 ? "created" : `moved from version ${details.previousVersion}`;
  return `Deployed ${details.imageUri ?? "the image"} to ${details.functionName ?? "the function"} version ${details.version ?? "unknown"}; alias ${details.alias ?? LIVE_ALIAS} ${from}`;
}
function detailsOf(request) {
  return {
    functionName: request.functionName,
    imageUri: request.imageUri,
    ...request.commit === void 0 ? {} : { commit: request.commit }
  };
}
function outputVariables(details) {
  const variables = {};
  for (const name of ["functionName", "version", "previousVersion", "alias", "imageDigest"]) {
    const value = details[name];
    if (value !== void 0) variables[name] = value;
  }
  return variables;
}
function createHandler(dependencies) {
  const shared = {
    lambda: dependencies.lambda,
    codepipeline: dependencies.codepipeline,
    now: dependencies.now,
    clock: { now: dependencies.now, sleep: dependencies.sleep },
    log: dependencies.log ?? defaultLog,
    pollIntervalMs: dependencies.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    doc: import_lib_dynamodb2.DynamoDBDocumentClient.from(dependencies.dynamo, { marshallOptions: { removeUndefinedValues: true } }),
    env: () => dependencies.env ?? process.env
  };
  return async function handler2(event, context) {
    const start = shared.now();
    const jobId = jobIdOf(event);
    if (jobId === void 0) {
      shared.log({ level: "error", message: "event is not a CodePipeline job; nothing to report to" });
      throw new Error('the event is not a CodePipeline job (no "CodePipeline.job".id); nothing to report to');
    }
    return new Invocation(shared, jobId, start, context).run(event);
  };
}
var Invocation = class {
  constructor(shared, jobId, start, context) {
    this.shared = shared;
    this.jobId = jobId;
    this.start = start;
    const { workMs, reserveMs } = splitInvocationTime(context.getRemainingTimeInMillis());
    this.reserveMs = reserveMs;
    this.workDeadline = start + workMs;
    this.workSignal = AbortSignal.timeout(workMs);
    this.executionId = context.awsRequestId;
  }
  shared;
  jobId;
  start;
  workDeadline;
  reserveMs;
  // Real-time bounds on AWS calls, so a hung connection cannot outlive the invocation.
  workSignal;
  executionId;
  finalSignal() {
    return AbortSignal.timeout(Math.max(1, Math.floor(this.reserveMs / 2)));
  }
  async report(status, message, details, replayed) {
    const { codepipeline, log } = this.shared;
    const { jobId, executionId } = this;
    let reported;
    try {
      reported = status === "SUCCEEDED" ? await reportSuccess(codepipeline, jobId, message, outputVariables(details), executionId, this.finalSignal()) : await reportFailure(codepipeline, jobId, message, executionId, this.finalSignal());
    } catch (error2) {
      log({ level: "error", jobId, message: "could not report the job result to CodePipeline", error: describeError(error2) });
      throw error2;
    }
    log({ level: status === "SUCCEEDED" ? "info" : "error", jobId, status, message, reported, replayed });
    return { jobId, status, message, replayed, reported, ...details.version === void 0 ? {} : { version: details.version } };
  }
  async fail(message, state, details) {
    const { now } = this.shared;
    let recordNote = "";
    if (state.kind !== "unavailable") {
      const outcome = {
        status: "FAILED",
        durationMs: now() - Date.parse(state.key.timestamp),
        finishedAt: new Date(now()).toISOString(),
        error: message
      };
      try {
        if (state.kind === "claimed") {
          await state.history.finish(state.key, { ...details, ...outcome }, { abortSignal: this.finalSignal() });
        } else {
          await state.history.create(
            { ...state.key, environment: state.environment, ...details, ...outcome },
            { abortSignal: this.finalSignal() }
          );
        }
      } catch (error2) {
        recordNote = ` (the FAILED record could not be written to ${state.history.tableName}: ${describeError(error2)})`;
      }
    }
    return this.report("FAILED", message + recordNote, details, false);
  }
  async run(event) {
    let deployEnv;
    try {
      deployEnv = readDeployEnv(this.shared.env());
    } catch (error2) {
      return this.fail(describeError(error2), { kind: "unavailable" }, {});
    }
    const history = new DeploymentHistory(this.shared.doc, deployEnv.tableName);
    const reading = readJob(event, deployEnv);
    const requested = reading.ok ? detailsOf(reading.request) : {};
    let existing;
    try {
      existing = await history.find(this.jobId, { abortSignal: this.workSignal });
    } catch (error2) {
      const problem = `the deployment history table ${deployEnv.tableName} could not be read: ${describeError(error2)}`;
      return this.fail(
        reading.ok ? `${problem}; nothing was deployed or recorded` : `${reading.error} (and ${problem})`,
        { kind: "unavailable" },
        requested
      );
    }
    if (existing !== void 0 && existing.status !== "IN_PROGRESS") {
      const message = existing.status === "SUCCEEDED" ? successSummary(existing) : existing.error ?? "the deployment failed";
      return this.report(existing.status, message, existing, true);
    }
    const key = existing === void 0 ? { deploymentId: this.jobId, timestamp: new Date(this.start).toISOString() } : { deploymentId: existing.deploymentId, timestamp: existing.timestamp };
    const environment = deployEnv.environmentSuffix;
    if (!reading.ok) {
      return this.fail(
        reading.error,
        existing === void 0 ? { kind: "unclaimed", history, key, environment } : { kind: "claimed", history, key },
        {}
      );
    }
    this.shared.log({ level: "info", jobId: this.jobId, message: "deploying", resumedFrom: existing?.timestamp, ...requested });
    if (existing === void 0) {
      try {
        await history.create({ ...key, environment, status: "IN_PROGRESS", ...requested }, { abortSignal: this.workSignal });
      } catch (error2) {
        return this.fail(
          `the deployment could not be recorded in ${deployEnv.tableName}: ${describeError(error2)}; nothing was deployed`,
          { kind: "unclaimed", history, key, environment },
          requested
        );
      }
    }
    return this.deploy(reading.request, { kind: "claimed", history, key }, requested);
  }
  /** Releases the image and finishes the claimed record. */
  async deploy(request, claimed, requested) {
    const { now } = this.shared;
    const progress = { ...requested };
    let result;
    try {
      result = await release(
        this.shared.lambda,
        request,
        LIVE_ALIAS,
        this.shared.clock,
        { deadline: this.workDeadline, pollIntervalMs: this.shared.pollIntervalMs, abortSignal: this.workSignal },
        progress
      );
    } catch (error2) {
      return this.fail(describeError(error2), claimed, progress);
    }
    const summary = successSummary(result);
    const { history, key } = claimed;
    try {
      const finished = await history.finish(
        key,
        { ...result, status: "SUCCEEDED", durationMs: now() - Date.parse(key.timestamp), finishedAt: new Date(now()).toISOString() },
        { abortSignal: this.finalSignal() }
      );
      if (!finished) this.shared.log({ level: "warn", jobId: this.jobId, message: "the record was already finished by another delivery of this job" });
    } catch (error2) {
      return this.report(
        "FAILED",
        `${summary}, but the deployment could not be recorded in ${history.tableName}: ${describeError(error2)}. The new version is live; retry the stage to record it`,
        result,
        false
      );
    }
    return this.report("SUCCEEDED", summary, result, false);
  }
};

// index.ts
var handler = createHandler({
  ...createAwsClients(),
  now: Date.now,
  sleep: (ms) => (0, import_promises.setTimeout)(ms)
});
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  handler
});
