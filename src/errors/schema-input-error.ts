import { Kind, parse, visit, type ArgumentNode, type ASTNode, type DocumentNode, type GraphQLError, type ValueNode } from 'graphql';

/**
 * graphql-js refuses input that does not fit the schema (a missing required field, an enum value that does not
 * exist, a DateTime without an offset, an unknown input field) before any resolver runs, in English and naming
 * the place only inside its text. These functions find the input path it means and say it in Chinese, so a form
 * can put the message beside the field as it does for the API's own refusals.
 *
 * Paths follow the API's other errors: inside an input-object argument the path starts at the argument's
 * fields (`receivedAt`, `petitioners.0.idNumber`); a whole argument is named by itself (`id`, `first`).
 */
export interface SchemaInputProblem {
  field: string;
  message: string;
}

type PathPart = string | number;

/** Where in a document an argument value sits: the argument's name and the fields and indexes leading to it. */
interface ValuePlace {
  argument: string;
  path: PathPart[];
}

const documents = new WeakMap<object, DocumentNode | null>();

function documentOf(error: GraphQLError): DocumentNode | undefined {
  const source = error.source ?? error.nodes?.[0]?.loc?.source;
  if (!source) return undefined;
  if (!documents.has(source)) {
    try {
      documents.set(source, parse(source.body));
    } catch {
      documents.set(source, null);
    }
  }
  return documents.get(source) ?? undefined;
}

/** Every argument in the document with the path of each value node inside it. */
function eachArgumentValue(document: DocumentNode, visitValue: (node: ValueNode, place: ValuePlace) => boolean | void): void {
  const walk = (node: ValueNode, place: ValuePlace): boolean => {
    if (visitValue(node, place)) return true;
    if (node.kind === Kind.OBJECT) {
      return node.fields.some((f) => walk(f.value, { argument: place.argument, path: [...place.path, f.name.value] }));
    }
    if (node.kind === Kind.LIST) return node.values.some((v, i) => walk(v, { argument: place.argument, path: [...place.path, i] }));
    return false;
  };
  let done = false;
  visit(document, {
    Argument(arg: ArgumentNode) {
      if (!done) done = walk(arg.value, { argument: arg.name.value, path: [] });
      return false;
    },
  });
}

/** The place of the argument value, object field or argument the error points at. */
function placeOfNode(document: DocumentNode, target: ASTNode): ValuePlace | undefined {
  const start = target.loc?.start;
  if (start === undefined) return undefined;
  if (target.kind === Kind.ARGUMENT) return { argument: target.name.value, path: [] };
  let found: ValuePlace | undefined;
  eachArgumentValue(document, (node, place) => {
    if (node.loc?.start !== start) return false;
    found = place;
    return true;
  });
  // an unknown field is reported at the field itself; its value's place ends with the field's name
  if (found || target.kind !== Kind.OBJECT_FIELD) return found;
  return placeOfNode(document, target.value);
}

/** The place where a variable is used as (part of) an argument value. */
function placeOfVariable(document: DocumentNode, name: string): ValuePlace | undefined {
  let found: ValuePlace | undefined;
  eachArgumentValue(document, (node, place) => {
    if (node.kind !== Kind.VARIABLE || node.name.value !== name) return false;
    found = place;
    return true;
  });
  return found;
}

/** `input.petitioners[0].idNumber` as printed by graphql-js, without the leading variable name. */
function parsePrintedPath(printed: string): PathPart[] {
  return printed
    .split(/\.|\[(\d+)\]/)
    .filter((p) => p !== undefined && p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p))
    .slice(1);
}

function fieldName(place: ValuePlace): string {
  return place.path.length ? place.path.join('.') : place.argument;
}

/** The Chinese words for what graphql-js found wrong, from its English text. */
function describe(field: string, reason: string, expectedType?: string): string {
  const enumName = /does not exist in "(\w+)" enum|Enum "(\w+)" cannot represent/.exec(reason);
  if (/was not provided|must not be null|not to be null/.test(reason)) return `缺少必填项 ${field}`;
  if (/is not defined by type/.test(reason)) return `没有输入项 ${field}`;
  if (/^Unknown argument/.test(reason)) return `没有参数 ${field}`;
  if (enumName) return `输入项 ${field} 不是 ${enumName[1] ?? enumName[2]} 的可选值`;
  const type = expectedType ?? /Expected value of type "(\w+)/.exec(reason)?.[1] ?? '';
  if (type === 'DateTime' || /DateTime/.test(reason)) return `输入项 ${field} 须为带时区偏移的 RFC 3339 时刻，如 2026-03-31T23:30:00+08:00`;
  if (type === 'Date' || /\bDate cannot|LocalDate/.test(reason)) return `输入项 ${field} 须为 YYYY-MM-DD 格式的日期`;
  if (/Int|Float/.test(type) || /Int cannot|Float cannot/.test(reason)) return `输入项 ${field} 须为数字`;
  return `输入项 ${field} 的类型或格式不符`;
}

const VARIABLE = /^Variable "\$(\w+)" (?:got invalid value [^]*?(?: at "([^"]+)")?; ([^]*)|(of required type [^]* was not provided\.|of non-null type [^]* must not be null\.))$/;
const MISSING_ARGUMENT = /^Field "\w+" argument "(\w+)" of type "[^"]+" is required, but it was not provided\.$/;
const MISSING_FIELD = /^Field "(\w+)\.(\w+)" of required type "[^"]+" was not provided\.$/;
const WRONG_VALUE = /^Expected value of type "([^"]+)", found [^]*$/;

/**
 * The field and Chinese message for a graphql-js refusal of input (document validation or variable coercion);
 * undefined for any other error.
 */
export function schemaInputProblem(error: GraphQLError): SchemaInputProblem | undefined {
  const english = error.message;
  const variable = VARIABLE.exec(english);
  const node = error.nodes?.[0];
  const document = variable || node ? documentOf(error) : undefined;
  if (!document) return undefined;
  const say = (place: ValuePlace, reason: string, type?: string) => {
    const field = fieldName(place);
    return { field, message: `${describe(field, reason, type)} — ${english}` };
  };

  if (variable) {
    const [, name, printedPath, reason, missing] = variable;
    const usage = placeOfVariable(document, name) ?? { argument: name, path: [] };
    const inner = printedPath ? parsePrintedPath(printedPath) : [];
    const place = { argument: usage.argument, path: [...usage.path, ...inner] };
    const reasonText = reason ?? missing;
    // for a missing or unknown field of an input object, graphql-js names the object; the field is in the reason
    const named = /^Field "(\w+)" (?:of required type|is not defined by type)/.exec(reasonText);
    if (named) place.path.push(named[1]);
    return say(place, reasonText);
  }
  const missingArgument = MISSING_ARGUMENT.exec(english);
  if (missingArgument) return say({ argument: missingArgument[1], path: [] }, english);
  // any other refusal that points into an argument's value: a wrong literal, a missing or unknown field
  const place = node && placeOfNode(document, node);
  if (!place) return undefined;
  const missingField = MISSING_FIELD.exec(english);
  if (missingField) return say({ argument: place.argument, path: [...place.path, missingField[2]] }, english);
  return say(place, english, WRONG_VALUE.exec(english)?.[1]?.replace(/[![\]]/g, ''));
}
