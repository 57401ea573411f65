using GateController.Service;

return GateControllerCommandLine.Run(args, Console.Out, Console.Error);
