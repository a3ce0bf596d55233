# unittest: a TestCase run by TextTestRunner and by unittest.main(exit=False),
# with failures, errors, skips, expected failures and subtests.  The time
# taken and the script's path are taken out of the report.
import io, re, sys, unittest

def clean(text):
    text = re.sub(r"Ran (\d+) tests? in [\d.]+s", r"Ran \1 tests", text)
    return re.sub(r'File "[^"]*/([^/"]+)"', r'File "\1"', text)

class T(unittest.TestCase):
    def setUp(self):
        self.x = 3
    def tearDown(self):
        self.x = None
    def test_ok(self):
        self.assertEqual(self.x, 3)
        self.assertIn(1, [1, 2])
        self.assertIsNone(None)
        self.assertIsInstance(self, unittest.TestCase)
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        self.assertEqual(str(cm.exception), "division by zero")
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
    def test_fail(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])
    def test_error(self):
        raise ValueError("boom")
    @unittest.skip("not now")
    def test_skip(self):
        pass
    @unittest.skipIf(True, "condition")
    def test_skip_if(self):
        pass
    @unittest.expectedFailure
    def test_xfail(self):
        self.assertEqual(1, 2)
    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)
    def test_dict(self):
        self.assertDictEqual({'a': 1}, {'a': 1, 'b': 2})
    def test_multiline(self):
        self.assertEqual("a\nb\nc\n", "a\nB\nc\n")
    def test_msg(self):
        self.assertTrue(False, "custom message")

class U(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("setUpClass")
    @classmethod
    def tearDownClass(cls):
        print("tearDownClass")
    def test_a(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
    def test_raises_regex(self):
        with self.assertRaisesRegex(ValueError, "inv.lid"):
            int("invalid")
    def test_warns(self):
        import warnings
        with self.assertWarns(DeprecationWarning):
            warnings.warn("old", DeprecationWarning)

stream = io.StringIO()
runner = unittest.TextTestRunner(stream=stream, verbosity=2)
suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
print(suite.countTestCases())
result = runner.run(suite)
print(clean(stream.getvalue()))
print(result.wasSuccessful(), len(result.failures), len(result.errors), len(result.skipped),
      len(result.expectedFailures), result.testsRun)
print([t.id() for t, _ in result.failures])

err = io.StringIO()
sys.stderr, saved = err, sys.stderr
try:
    prog = unittest.main(module=__name__, exit=False, argv=["prog", "U"], verbosity=1)
finally:
    sys.stderr = saved
print(clean(err.getvalue()))
print(prog.result.testsRun, prog.result.wasSuccessful())

suite = unittest.TestSuite([T("test_ok"), U("test_a")])
r = unittest.TestResult()
suite.run(r)
print(r.testsRun, r.wasSuccessful())
print(unittest.FunctionTestCase(lambda: None).id().startswith("unittest_run.<lambda>") or "lambda")
