using System.Text;
using CommunityModel.Commissions.Run;
using CommunityModel.Demo;
using Spectre.Console;

// The main job: the seed business month by month, through the library. `--help` lists the options.
Console.OutputEncoding = Encoding.UTF8;
var parsed = DemoCommand.Create().Parse(args);
if (parsed.Action is not null and not System.CommandLine.Invocation.ParseErrorAction)
{
    return parsed.Invoke();   // --help, or a directive such as [suggest] for shell completion
}

var arguments = DemoCommand.Parse(args);
if (arguments.ErrorMessage is { } error)
{
    return Fail(error, 2);
}

var options = arguments.Options!;
if (DemoCommand.CannotWrite(options.OutputDirectory) is { } reason)
{
    return Fail($"cannot write to --output '{options.OutputDirectory}': {reason}", 1);
}

CommissionSetup setup;
try
{
    setup = options.PlanFile is null ? CommissionSetup.Default() : CommissionSetup.Load(options.PlanFile);
}
catch (PlanFileException e)
{
    return Fail(e.Message, 2);
}

// Plain text when asked, or when nobody is watching (CI, a pipe, a file): no colours, no live progress.
var plain = options.Plain || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive;
var console = plain ? ReportFiles.PlainConsole(Console.Out) : AnsiConsole.Console;
var report = plain ? CommunityYear.Run(options, setup) : RunWithProgress(console, options, setup);
ReportView.Render(report, console, plain);

try
{
    var files = ReportFiles.Write(report, options.OutputDirectory);
    console.WriteLine();
    console.WriteLine($"The lifecycle as a Mermaid diagram: {files[0]}");
    console.WriteLine($"Onboarding (四层沉淀) as a Mermaid diagram: {files[1]}");
    console.WriteLine($"This report as plain text: {files[2]}");
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    return Fail($"cannot write to --output '{options.OutputDirectory}': {e.Message}", 1);
}

return 0;

static YearReport RunWithProgress(IAnsiConsole console, DemoOptions options, CommissionSetup setup)
{
    YearReport? report = null;
    console.Progress()
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
        .Start(context =>
        {
            var task = context.AddTask($"Running {DemoOptions.Span(options.Months)} of the seed business", maxValue: options.Months);
            var monthEnd = context.AddTask("Month-end run: ranks, then orders paid", maxValue: 1);
            var month = 0;
            var progress = new ProgressCallback<CommissionRunProgress>(p =>
            {
                monthEnd.Description = p.Phase switch
                {
                    CommissionRunPhase.QualifyingRanks => $"Month {month + 1} end: qualifying ranks",
                    CommissionRunPhase.PayingOrders => $"Month {month + 1} end: paying {p.TotalOrders:N0} orders",
                    _ => $"Month {month + 1} end: {p.OrdersPaid:N0} orders paid, {p.LinesWritten:N0} lines",
                };
                monthEnd.Value = p.TotalOrders == 0 ? 1 : (double)p.OrdersPaid / p.TotalOrders;
            });
            report = CommunityYear.Run(options, setup, done => task.Value = month = done, progress);
            monthEnd.Value(1);
        });
    return report!;
}

static int Fail(string message, int exitCode)
{
    Console.Error.WriteLine($"error: {message}");
    return exitCode;
}
