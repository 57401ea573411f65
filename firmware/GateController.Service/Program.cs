using GateController.Simulation.Scenarios;

const int ExitUsage = 64;
const string Usage = "usage: gatecontrollerd --simulate   (play the demonstration scenario on the simulated board)";

var simulate = false;
foreach (var argument in args)
{
    switch (argument)
    {
        case "--simulate":
            simulate = true;
            break;
        case "--help" or "-h":
            Console.WriteLine(Usage);
            return 0;
        default:
            Console.Error.WriteLine($"gatecontrollerd: unknown argument '{argument}'");
            return ExitUsage;
    }
}

if (!simulate)
{
    Console.Error.WriteLine("gatecontrollerd: the hardware host is not available in this build; " + Usage);
    return ExitUsage;
}

Console.WriteLine("gatecontrollerd: simulated gate, demonstration scenario (scripted access decisions)");
var result = DemoScenario.Run(Console.Out);
return result.Passed ? 0 : 1;
