using Parley.Cli;
using Parley.Cli.Output;
using Spectre.Console;

var console = ConsoleLayout.Configure(AnsiConsole.Console, Environment.GetEnvironmentVariable("COLUMNS"), Console.IsOutputRedirected);
return ParleyApp.Run(args, new CliIo(console, Console.Out, Console.Error));
