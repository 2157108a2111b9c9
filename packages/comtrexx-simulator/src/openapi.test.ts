import { openApiDocument } from './openapi';
import { RunningSimulator, startSimulator } from './server';
import { toYaml } from './yaml';

// A YAML parser is not a dependency of this package (and the package must
// not gain one for a test). When one happens to be installed in the
// workspace, the document is parsed for real; otherwise the text checks below
// must do. The module name is a variable so that no import of an undeclared
// package appears in the source.
function optionalYamlParser(): ((text: string) => unknown) | undefined {
  for (const name of ['yaml', 'js-yaml']) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require(name) as { parse?: (text: string) => unknown; load?: (text: string) => unknown };
      const parse = module.parse ?? module.load;
      if (parse) return parse;
    } catch {
      // not installed
    }
  }
  return undefined;
}

const PATHS = [
  '/api/v1/login',
  '/api/v1/system/info',
  '/api/v1/ccc/access',
  '/api/v1/ccc/access/confirm',
  '/api/v1/maintenance',
  '/api/v1/phones/status',
  '/api/v1/trunks/status',
  '/api/v1/monitoring/samples',
  '/api/v1/systemmessages',
  '/api/v1/calldata',
  '/api/v1/calldata/export.csv',
  '/api/v1/remoteaccess/session',
  '/api/v1/backups/config',
  '/api/v1/backups',
  '/api/v1/backups/jobs/{jobId}',
  '/api/v1/backups/{id}/restore',
  '/api/v1/backups/{id}',
  '/api/v1/backups/schedule',
  '/api/v1/firmware',
  '/api/v1/firmware/update',
  '/api/v1/firmware/update/status',
  '/webui/',
  '/api/system/api',
];

describe('OpenAPI document', () => {
  let simulator: RunningSimulator;

  beforeAll(async () => {
    simulator = await startSimulator({ seed: 2, size: 2 });
  });

  afterAll(async () => {
    await simulator.close();
  });

  const fetchSpec = (index = 0) => fetch(`${simulator.url}/devices/${simulator.fleet[index].serialNumber}/api/system/api`);

  it('is served as YAML without a session and names every implemented path', async () => {
    const res = await fetchSpec();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/yaml/);
    const text = await res.text();
    expect(text).toMatch(/^openapi: 3\.0\.\d+\n/);
    for (const path of PATHS) {
      // Paths with parameters ({id}) are written as quoted keys.
      expect(text).toContain(`\n  ${path.includes('{') ? JSON.stringify(path) : path}:\n`);
    }
    expect(text).toContain(`/devices/${simulator.fleet[0].serialNumber}`);
    expect(text).toContain('[INVENTED');
  });

  // Without a parser the text checks of the test above are all there is.
  const parse = optionalYamlParser();
  (parse ? describe : describe.skip)('with a YAML parser installed', () => {
    it('parses into the same document', async () => {
      const text = await (await fetchSpec(1)).text();
      const parsed = parse!(text) as ReturnType<typeof openApiDocument>;
      expect(parsed).toEqual(openApiDocument(simulator.fleet[1].serialNumber));
      expect(Object.keys(parsed.paths as object).sort()).toEqual([...PATHS].sort());
    });
  });

  it('describes the error body with every code the simulator sends', () => {
    const doc = openApiDocument('CTX1') as any;
    const codes = doc.components.schemas.Error.properties.error.properties.code.enum;
    expect(codes).toEqual(
      expect.arrayContaining(['MAINTENANCE_REQUIRED', 'FIRMWARE_UNSUPPORTED', 'REBOOTING', 'UNAUTHORIZED', 'BAD_REQUEST']),
    );
    expect(doc.paths['/api/v1/phones/status'].get.responses['412']).toEqual({
      $ref: '#/components/responses/PreconditionFailed',
    });
    expect(doc.components.responses.Rebooting.headers['Retry-After']).toBeDefined();
  });
});

describe('toYaml', () => {
  it('quotes what YAML would read differently and keeps plain words plain', () => {
    expect(
      toYaml({
        version: '3.0.3',
        word: 'plain text',
        yes: 'no',
        number: '2.4',
        ref: '#/x',
        colon: 'a: b',
        empty: '',
        list: [],
        map: {},
        '200': { a: 1 },
        items: [{ a: true, b: null }, 'x', ['y']],
      }),
    ).toBe(
      [
        // Integer-like keys come first in JavaScript objects.
        '"200":',
        '  a: 1',
        'version: 3.0.3',
        'word: plain text',
        '"yes": "no"',
        'number: "2.4"',
        'ref: "#/x"',
        'colon: "a: b"',
        'empty: ""',
        'list: []',
        'map: {}',
        'items:',
        '  - a: true',
        '    b: null',
        '  - x',
        '  - - "y"',
        '',
      ].join('\n'),
    );
  });
});
