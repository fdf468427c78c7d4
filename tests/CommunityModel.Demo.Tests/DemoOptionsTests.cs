namespace CommunityModel.Demo.Tests;

public class DemoOptionsTests
{
    [Fact]
    public void No_arguments_run_the_default_year()
    {
        var parsed = DemoOptions.Parse([]);
        Assert.Null(parsed.ErrorMessage);
        Assert.False(parsed.ShowHelp);
        Assert.Equal(new DemoOptions(), parsed.Options);
        Assert.Equal((3000, 12, 7), (parsed.Options!.Members, parsed.Options.Months, parsed.Options.Seed));
    }

    [Fact]
    public void Every_option_is_read_with_a_space_or_an_equals_sign()
    {
        var parsed = DemoOptions.Parse(["--members", "500", "--months=24", "--seed", "-3", "--plan", "p.json", "--output=out", "--plain"]);
        Assert.Equal(new DemoOptions { Members = 500, Months = 24, Seed = -3, PlanFile = "p.json", OutputDirectory = "out", Plain = true }, parsed.Options);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Help_is_asked_for(string flag)
    {
        var parsed = DemoOptions.Parse(["--members", "20", flag]);
        Assert.True(parsed.ShowHelp);
        Assert.Null(parsed.Options);
    }

    [Theory]
    [InlineData(new[] { "--people", "5" }, "Unknown option '--people'")]
    [InlineData(new[] { "extra" }, "Unknown option 'extra'")]
    [InlineData(new[] { "--members" }, "Option --members needs a value.")]
    [InlineData(new[] { "--members", "--plain" }, "Option --members needs a value.")]
    [InlineData(new[] { "--members=" }, "Option --members needs a value.")]
    [InlineData(new[] { "--members", "many" }, "Option --members must be a whole number, not 'many'.")]
    [InlineData(new[] { "--members", "1.5" }, "Option --members must be a whole number, not '1.5'.")]
    [InlineData(new[] { "--members", "9" }, "Option --members is 9; it must be between 10 and 200,000.")]
    [InlineData(new[] { "--members", "200001" }, "Option --members is 200001; it must be between 10 and 200,000.")]
    [InlineData(new[] { "--months", "0" }, "Option --months is 0; it must be between 1 and 36.")]
    [InlineData(new[] { "--months", "37" }, "Option --months is 37; it must be between 1 and 36.")]
    [InlineData(new[] { "--seed", "99999999999" }, "Option --seed must be a whole number, not '99999999999'.")]
    [InlineData(new[] { "--plain=yes" }, "Unknown option '--plain=yes'")]
    [InlineData(new[] { "--output" }, "Option --output needs a value.")]
    public void Bad_options_are_named(string[] args, string message)
    {
        var parsed = DemoOptions.Parse(args);
        Assert.Null(parsed.Options);
        Assert.False(parsed.ShowHelp);
        Assert.StartsWith(message, parsed.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_usage_explains_every_option_and_the_plan_file_format()
    {
        foreach (var text in new[] { "--members", "--months", "--seed", "--plan", "--output", "--plain", "--help", "\"Levels\"", "\"Ledger\"", "plans/three-level.json", "plans/team.json", "\"Ranks\"", "Exit codes" })
        {
            Assert.Contains(text, DemoOptions.Usage, StringComparison.Ordinal);
        }
    }
}
