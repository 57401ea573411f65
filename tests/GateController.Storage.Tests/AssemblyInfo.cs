using System.Runtime.Versioning;

// The store and its key file rely on Unix file modes; the tests run on Linux only.
[assembly: UnsupportedOSPlatform("windows")]
