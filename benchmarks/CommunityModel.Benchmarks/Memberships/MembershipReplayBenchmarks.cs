using BenchmarkDotNet.Attributes;
using CommunityModel.Memberships;

namespace CommunityModel.Benchmarks.Memberships;

/// <summary>
/// Rebuilding entitlement ledgers from stored events for a whole member base: a year of VIP
/// (purchase, three grants, two uses), an early renewal (three grants ahead, one use) per member.
/// The baseline is a hand-written loop that folds the same events into per-member balances with no
/// allocation; the library rebuilds full <see cref="Membership"/> objects with
/// <see cref="Membership.Replay(ReadOnlySpan{IMembershipEvent})"/>, and with a <see cref="MembershipReplayer"/>
/// that reuses one working copy across members.
/// </summary>
[MemoryDiagnoser]
public class MembershipReplayBenchmarks
{
    private const int EventsPerMember = 12;
    private IMembershipEvent[] _events = [];

    [Params(1_000_000)]
    public int Members { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var at = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));
        var year1 = new TermPeriod(new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1));
        var year2 = new TermPeriod(new DateOnly(2027, 3, 1), new DateOnly(2028, 3, 1));
        var zero = Money.Cny(0m);
        _events = new IMembershipEvent[Members * EventsPerMember];
        for (var i = 0; i < Members; i++)
        {
            MemberId id = i + 1;
            var e = _events.AsSpan(i * EventsPerMember, EventsPerMember);
            e[0] = new MembershipPurchased(id, SeedBusiness.Vip, year1, Money.Cny(3600m), zero, at);
            e[1] = new EntitlementGranted(id, SeedBusiness.OnlineCourses, null, Money.Cny(1980m), year1, at);
            e[2] = new EntitlementGranted(id, SeedBusiness.CommunityService, null, Money.Cny(1200m), year1, at);
            e[3] = new EntitlementGranted(id, SeedBusiness.OfflineCourse, 1, Money.Cny(2980m), year1, at);
            e[4] = new EntitlementConsumed(id, SeedBusiness.OfflineCourse, "offline-" + (i % 1000), year1, year1.Start.AddDays(30), at);
            e[5] = new EntitlementConsumed(id, SeedBusiness.OnlineCourses, "lesson-" + (i % 1000), year1, year1.Start.AddDays(31), at);
            e[6] = new MembershipRenewed(id, SeedBusiness.Vip, year2, Money.Cny(3600m), zero, at);
            e[7] = new EntitlementGranted(id, SeedBusiness.OnlineCourses, null, Money.Cny(1980m), year2, at);
            e[8] = new EntitlementGranted(id, SeedBusiness.CommunityService, null, Money.Cny(1200m), year2, at);
            e[9] = new EntitlementGranted(id, SeedBusiness.OfflineCourse, 1, Money.Cny(2980m), year2, at);
            e[10] = new EntitlementExpired(id, SeedBusiness.OfflineCourse, year1, 0, at);
            e[11] = new EntitlementConsumed(id, SeedBusiness.OfflineCourse, "offline-next-" + (i % 1000), year2, year2.Start.AddDays(30), at);
        }
    }

    [Benchmark(Baseline = true, Description = "Hand-written loop: balances per member")]
    public long HandWrittenLoop()
    {
        long remaining = 0;
        var lots = new (string Product, TermPeriod Validity, int Quantity, int Used)[8];
        for (var m = 0; m < Members; m++)
        {
            var count = 0;
            foreach (var e in _events.AsSpan(m * EventsPerMember, EventsPerMember))
            {
                switch (e)
                {
                    case EntitlementGranted g:
                        lots[count++] = (g.ProductId, g.Validity, g.Quantity ?? -1, 0);
                        break;
                    case EntitlementConsumed c:
                        for (var i = 0; i < count; i++)
                        {
                            if (lots[i].Validity == c.Validity && lots[i].Product == c.ProductId)
                            {
                                lots[i].Used++;
                                break;
                            }
                        }

                        break;
                    case EntitlementExpired x:
                        for (var i = 0; i < count; i++)
                        {
                            if (lots[i].Validity == x.Validity && lots[i].Product == x.ProductId)
                            {
                                lots[i] = lots[--count];
                                break;
                            }
                        }

                        break;
                }
            }

            for (var i = 0; i < count; i++)
            {
                if (lots[i].Quantity >= 0)
                {
                    remaining += lots[i].Quantity - lots[i].Used;
                }
            }
        }

        return remaining;
    }

    [Benchmark(Description = "MembershipReplayer, one working copy")]
    public long LibraryReplayer()
    {
        long remaining = 0;
        var replayer = new MembershipReplayer();
        for (var m = 0; m < Members; m++)
        {
            var membership = replayer.Replay(_events.AsSpan(m * EventsPerMember, EventsPerMember));
            foreach (var lot in membership.Entitlements)
            {
                remaining += lot.Remaining ?? 0;
            }
        }

        return remaining;
    }

    [Benchmark(Description = "Membership.Replay per member")]
    public long LibraryReplay()
    {
        long remaining = 0;
        for (var m = 0; m < Members; m++)
        {
            var membership = Membership.Replay(_events.AsSpan(m * EventsPerMember, EventsPerMember));
            foreach (var lot in membership.Entitlements)
            {
                remaining += lot.Remaining ?? 0;
            }
        }

        return remaining;
    }
}
