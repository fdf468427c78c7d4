using System.Collections.Concurrent;
using CommunityModel.Lifecycle;
using CommunityModel.MemberNumbers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Options;

namespace CommunityModel.Tests.MemberNumbers;

public class MemberNumberIssuerTests
{
    [Fact]
    public void Numbers_carry_the_prefix_of_the_tier_and_a_zero_padded_sequence()
    {
        var issuer = new MemberNumberIssuer(new MemberNumberOptions());

        Assert.Equal("VIP-000001", issuer.Issue("VIP").Text);
        Assert.Equal("VIP-000002", issuer.Issue("vip").ToString());
        Assert.Equal("KA-000001", issuer.Issue("KA").Text);
        var partner = issuer.Issue(LifecycleStage.Partner);
        Assert.Equal("P-000001", partner.Text);
        Assert.Equal("P", partner.Prefix);
        Assert.Equal(1, partner.Sequence);
        Assert.Equal(2, issuer.LastIssued("VIP"));
        Assert.Equal(string.Empty, default(MemberNumber).ToString());
        Assert.Equal(string.Empty, default(MemberNumber).Prefix);
    }

    [Fact]
    public void The_scheme_is_configurable_and_categories_sharing_a_prefix_share_its_sequence()
    {
        var issuer = new MemberNumberIssuer(new MemberNumberOptions
        {
            Prefixes = new() { ["Member"] = "HY", ["VIP"] = "HY", ["Partner"] = "HHR" },
            SequenceWidth = 4,
            Separator = "",
        });

        Assert.Equal("HY0001", issuer.Issue(LifecycleStage.Member).Text);
        Assert.Equal("HY0002", issuer.Issue("VIP").Text);
        Assert.Equal("HHR0001", issuer.Issue("Partner").Text);
        Assert.Equal(issuer.Issue("VIP"), issuer.Parse("HY0003"));
    }

    [Fact]
    public void It_resumes_from_the_last_stored_number_and_never_moves_back()
    {
        var issuer = new MemberNumberIssuer(new MemberNumberOptions());

        issuer.Resume("KA-000123");
        issuer.Resume("KA-000100");

        Assert.Equal("KA-000124", issuer.Issue("KA").Text);
        Assert.Equal("VIP-000001", issuer.Issue("VIP").Text);
    }

    [Fact]
    public void No_number_is_handed_out_twice_across_threads()
    {
        var issuer = new MemberNumberIssuer(new MemberNumberOptions());
        var issued = new ConcurrentBag<string>();

        Parallel.For(0, 20_000, i => issued.Add(issuer.Issue(i % 3 == 0 ? "KA" : "VIP").Text));

        Assert.Equal(20_000, issued.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(6667, issuer.LastIssued("KA"));
        Assert.Equal(13_333, issuer.LastIssued("VIP"));
    }

    [Property(MaxTest = 1000)]
    public Property The_same_calls_give_the_same_numbers_and_every_number_parses_back() =>
        Prop.ForAll(Gen.Elements("VIP", "KA", "Partner").ArrayOf().ToArbitrary(), Gen.Choose(0, 5000).ToArbitrary(), (categories, resumeAt) =>
        {
            MemberNumber[] Run()
            {
                var issuer = new MemberNumberIssuer(new MemberNumberOptions());
                if (resumeAt > 0)
                {
                    issuer.Resume($"KA-{resumeAt:000000}");
                }

                return [.. categories.Select(issuer.Issue)];
            }

            var first = Run();
            var parser = new MemberNumberIssuer(new MemberNumberOptions());
            return first.SequenceEqual(Run())
                && first.Select(n => n.Text).Distinct(StringComparer.Ordinal).Count() == first.Length
                && first.All(n => parser.Parse(n.Text) == n)
                && first.Where(n => n.Prefix == "KA").All(n => n.Sequence > resumeAt);
        });

    [Fact]
    public void A_full_width_is_exhausted_with_a_typed_error_and_nothing_issued()
    {
        var issuer = new MemberNumberIssuer(new MemberNumberOptions { SequenceWidth = 2 });
        issuer.Resume("KA-98");

        Assert.Equal("KA-99", issuer.Issue("KA").Text);
        var error = Assert.Throws<MemberNumberExhaustedException>(() => issuer.Issue("KA"));
        Assert.Equal(ErrorCodes.MemberNumberExhausted, error.ErrorCode);
        Assert.Equal("KA", error.Prefix);
        Assert.Contains("99 is the largest sequence", error.Message, StringComparison.Ordinal);
        Assert.Equal(99, issuer.LastIssued("KA"));
    }

    [Theory]
    [InlineData("KA000123", "not separated by '-'")]
    [InlineData("XX-000123", "'XX' is not a configured prefix")]
    [InlineData("KA-00012x", "not a positive sequence")]
    [InlineData("KA-000000", "not a positive sequence")]
    [InlineData("123", "shorter than a prefix")]
    [InlineData("", "shorter than a prefix")]
    public void Text_that_does_not_fit_the_scheme_is_refused_saying_how(string text, string problem)
    {
        var issuer = new MemberNumberIssuer(new MemberNumberOptions());

        var error = Assert.Throws<InvalidMemberNumberException>(() => issuer.Parse(text));

        Assert.Equal(ErrorCodes.MemberNumberInvalid, error.ErrorCode);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.False(issuer.TryParse(text, out _));
        Assert.Throws<InvalidMemberNumberException>(() => issuer.Resume(text));
    }

    [Fact]
    public void Unknown_categories_and_prefixes_are_refused()
    {
        var issuer = new MemberNumberIssuer(new MemberNumberOptions());

        Assert.Contains("configured: KA, Member, Partner, VIP", Assert.Throws<InvalidMemberNumberException>(() => issuer.Issue("SVIP")).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidMemberNumberException>(() => issuer.Issue(LifecycleStage.Fan));
        Assert.Throws<InvalidMemberNumberException>(() => issuer.LastIssued("ZZ"));
        Assert.False(issuer.TryParse(null, out _));
    }

    [Fact]
    public void Bad_options_fail_naming_every_problem()
    {
        var options = new MemberNumberOptions { Prefixes = new() { ["KA"] = "K A", [" "] = "X" }, SequenceWidth = 19, Separator = "a" };

        var error = Assert.Throws<OptionsValidationException>(() => new MemberNumberIssuer(options));

        Assert.Equal(4, error.Failures.Count());
        Assert.Contains("Prefixes:KA is 'K A'; a prefix is 1 to 16 letters or digits.", error.Failures); // set in code: relative to the options
        Assert.Contains("SequenceWidth is 19", error.Message, StringComparison.Ordinal);
        Assert.Contains("Prefixes is empty", new MemberNumberOptionsValidator().Validate(null, new MemberNumberOptions { Prefixes = [] }).FailureMessage, StringComparison.Ordinal);
    }
}
