namespace CommunityModel.Tests;

/// <summary>The README's code tour is this test's code: it runs here, and the README must show it verbatim.</summary>
public class ReadmeTourTests
{
    [Fact]
    public void The_tour_runs_and_its_numbers_hold()
    {
        // tour:start
        var vip = Money.Cny(3600m);                              // ¥3,600.00, held as 360,000 fen
        var commission = vip.Multiply(Rate.FromPercent(15), RoundingMode.Down);   // ¥540.00

        // A bundle price over its parts' standalone prices: the parts always sum to the price.
        var parts = vip.Allocate([Money.Cny(1999m), Money.Cny(1299m), Money.Cny(2980m)]);
        // → ¥1,146.29 + ¥744.89 + ¥1,708.82 = ¥3,600.00

        var monthly = Money.Cny(120_000m).Split(12);              // twelve × ¥10,000.00
        var participation = Rate.Of(232, 1000);                   // 23.2%
        // tour:end

        Assert.Equal(Money.Cny(540m), commission);
        Assert.Equal<Money>([Money.Cny(1146.29m), Money.Cny(744.89m), Money.Cny(1708.82m)], parts);
        Assert.All(monthly, m => Assert.Equal(Money.Cny(10_000m), m));
        Assert.Equal("23.2%", participation.ToString());
    }

    [Fact]
    public void The_readme_shows_the_tour_verbatim()
    {
        var root = RepositoryRoot();
        var source = File.ReadAllLines(Path.Combine(root, "tests", "CommunityModel.Tests", "ReadmeTourTests.cs"));
        var start = Array.FindIndex(source, l => l.Trim() == "// tour:start") + 1;
        var end = Array.FindIndex(source, l => l.Trim() == "// tour:end");
        var tour = source[start..end].Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        var readme = File.ReadAllLines(Path.Combine(root, "README.md")).Select(l => l.Trim()).ToArray();

        var at = Array.IndexOf(readme, tour[0]);
        Assert.True(at >= 0, "README.md does not show the tour: copy the lines between tour:start and tour:end into it.");
        Assert.Equal(tour, readme.Skip(at).Where(l => l.Length > 0).Take(tour.Length));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CommunityModel.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The test runs outside the repository.");
    }
}
