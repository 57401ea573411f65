using System.Reflection;
using BenchmarkDotNet.Running;

// The executing assembly, not typeof(Program): the referenced service assembly has a Program of its own.
BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly()).Run(args);
