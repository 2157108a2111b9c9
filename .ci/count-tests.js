// Usage: count-tests.js RESULT.json MARKER — fails unless some passed test's name contains MARKER.
const fs = require('node:fs');

const [file, marker] = process.argv.slice(2);
const result = JSON.parse(fs.readFileSync(file, 'utf8'));
const matching = result.testResults
  .flatMap(r => r.assertionResults)
  .filter(a => a.fullName.includes(marker));
const passed = matching.filter(a => a.status === 'passed').length;
console.log(`${marker}: ${passed} of ${matching.length} tests passed`);
process.exit(passed > 0 ? 0 : 1);
