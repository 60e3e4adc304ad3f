// The field table is the one description of every field the read path serves: each field of each object type
// is a stored property or a link in it (or belongs to a type computed in TypeScript), and it names nothing the
// SDL lacks. A new relationship field is one SDL line plus one entry here — and this test says which is missing.
import { buildSchema, isObjectType } from 'graphql';
import { OBJECTS, VALUE_TYPES } from '../../graph/read/fields';
import { ROOTS, UNCOMPILED_ROOTS } from '../../graph/read/roots';
import { loadTypeDefs } from '../../resolvers/index';

const schema = buildSchema(loadTypeDefs());
const objectTypes = Object.values(schema.getTypeMap()).filter(
  (t) => isObjectType(t) && !t.name.startsWith('__') && t.name !== 'Query' && t.name !== 'Mutation',
);

test.each(objectTypes.map((t) => [t.name] as const))('%s: every field is in the field table', (name) => {
  const type = schema.getType(name);
  if (!isObjectType(type)) throw new Error(name);
  if (VALUE_TYPES.includes(name)) return;
  const spec = OBJECTS[name];
  expect(spec).toBeDefined();
  const missing = Object.keys(type.getFields()).filter(
    (f) => spec?.props[f] === undefined && spec?.links[f] === undefined,
  );
  expect(missing).toEqual([]);
});

test('the field table names no type or field the SDL lacks', () => {
  const unknown = Object.entries(OBJECTS).flatMap(([name, spec]) => {
    const type = schema.getType(name);
    if (!isObjectType(type)) return [name];
    const fields = type.getFields();
    return [...Object.keys(spec.props), ...Object.keys(spec.links)]
      .filter((f) => fields[f] === undefined)
      .map((f) => `${name}.${f}`);
  });
  expect(unknown).toEqual([]);
  expect(VALUE_TYPES.filter((t) => schema.getType(t) === undefined)).toEqual([]);
});

test('every Query field has a root spec, or is answered outside the compiler on purpose', () => {
  const fields = Object.keys(schema.getQueryType()?.getFields() ?? {});
  expect(fields.filter((f) => ROOTS[f] === undefined && !UNCOMPILED_ROOTS.includes(f))).toEqual([]);
  expect(Object.keys(ROOTS).filter((f) => !fields.includes(f))).toEqual([]);
});

test('a property and a link never share a name', () => {
  const both = Object.entries(OBJECTS).flatMap(([name, s]) =>
    Object.keys(s.props)
      .filter((f) => s.links[f] !== undefined)
      .map((f) => `${name}.${f}`),
  );
  expect(both).toEqual([]);
});
