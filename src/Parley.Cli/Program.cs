using Parley.Cli;
using Spectre.Console;

return ParleyApp.Run(args, new CliIo(AnsiConsole.Console, Console.Out, Console.Error));
