using System.Runtime.InteropServices;
using GateController.Service;

using var stopping = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Cancel();
}

using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
return await GateControllerCommandLine.RunAsync(args, Console.Out, Console.Error, stopping.Token).ConfigureAwait(false);
