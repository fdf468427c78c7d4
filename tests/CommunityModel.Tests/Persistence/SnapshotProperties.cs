using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CommunityModel.Memberships;
using CommunityModel.Persistence;
using CommunityModel.Referrals;
using CommunityModel.Tests.Memberships;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Persistence;

/// <summary>Restoring a snapshot taken after any prefix of a history, then applying the rest, gives what replaying the whole history gives.</summary>
public class SnapshotProperties
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 10, 0, 0, TimeSpan.FromHours(8));

    private static Arbitrary<((int Kind, int Member, int Other)[] Steps, int Split, bool Promoters)> ReferralHistories { get; } =
        Gen.Choose(0, 6).SelectMany(kind => Gen.Choose(1, 10).SelectMany(member => Gen.Choose(0, 10).Select(other => (kind, member, other)))).ArrayOf()
            .SelectMany(steps => Gen.Choose(0, 1000).SelectMany(split => Gen.Elements(false, true).Select(promoters => (steps, split, promoters))))
            .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property A_membership_restored_from_a_snapshot_then_given_the_rest_equals_the_replayed_membership() =>
        Prop.ForAll(MembershipProperties.Histories, Gen.Choose(0, 1000).ToArbitrary(), (history, split) =>
        {
            var clock = new FakeTimeProvider(Start);
            var desk = new MembershipDesk(MembershipProperties.Plans[history.Plan], clock);
            var events = new List<IMembershipEvent>();
            Membership? m = null;
            foreach (var (kind, arg) in history.Steps)
            {
                try
                {
                    if (MembershipProperties.Step(desk, clock, m, kind, arg) is { } change)
                    {
                        events.AddRange(change.Events);
                        m = change.Membership;
                    }
                }
                catch (MembershipRefusedException)
                {
                }
            }

            if (events.Count == 0)
            {
                return true;
            }

            var at = 1 + (split % events.Count);
            var snapshot = RoundTrip(Membership.Replay(events.Take(at)).ToSnapshot(), CommunityJsonContext.Default.MembershipSnapshot);
            var restored = events.Skip(at).Aggregate(Membership.Restore(snapshot), (membership, e) => membership.Apply(e));
            var replayed = Membership.Replay(events);
            return restored.Equals(replayed) && restored.Equals(m)
                && Json(restored.ToSnapshot(), CommunityJsonContext.Default.MembershipSnapshot) == Json(replayed.ToSnapshot(), CommunityJsonContext.Default.MembershipSnapshot);
        });

    [Property(MaxTest = 300)]
    public Property A_referral_network_restored_from_a_snapshot_then_given_the_rest_answers_and_decides_as_the_replayed_one() =>
        Prop.ForAll(ReferralHistories, history =>
        {
            var options = new ReferralOptions
            {
                Mode = ReferralBindingMode.LatestReferralOverrides,
                BindingValidity = TimeSpan.FromDays(30),
                Sponsors = history.Promoters ? SponsorEligibility.DesignatedPromoters : SponsorEligibility.AnyMember,
            };
            var clock = new FakeTimeProvider(Start);
            var live = new ReferralNetwork(options, clock);
            var events = new List<IDomainEvent>();
            foreach (var (kind, member, other) in history.Steps)
            {
                try
                {
                    IDomainEvent? e = kind switch
                    {
                        0 => live.Register(member, other == 0 ? default : new MemberId(other)),
                        1 => live.Bind(member, other == 0 ? default : new MemberId(other)),
                        2 => live.Reassign(member, other == 0 ? default : new MemberId(other), "merged accounts"),
                        3 => live.RecordCommissionableOrder(member),
                        4 => new PromoterRightsGranted(member, "gift", Rate.FromPercent(10), clock.GetUtcNow()),
                        5 => new PromoterRightsRevoked(member, "revoked", clock.GetUtcNow()),
                        _ => null,
                    };
                    if (kind is 4 or 5)
                    {
                        live.Apply(e!);
                    }

                    if (kind == 6)
                    {
                        clock.Advance(TimeSpan.FromDays((other + 1) * 4));
                    }

                    if (e is not null)
                    {
                        events.Add(e);
                    }
                }
                catch (ReferralException)
                {
                }
            }

            var at = history.Split % (events.Count + 1);
            var snapshot = RoundTrip(ReferralNetwork.Replay(events.Take(at), options, clock).ToSnapshot(), CommunityJsonContext.Default.ReferralNetworkSnapshot);
            var restored = ReferralNetwork.Restore(snapshot, options, clock);
            foreach (var e in events.Skip(at))
            {
                restored.Apply(e);
            }

            var replayed = ReferralNetwork.Replay(events, options, clock);
            var members = Enumerable.Range(1, 10).Select(i => new MemberId(i)).ToArray();
            return Json(restored.ToSnapshot(), CommunityJsonContext.Default.ReferralNetworkSnapshot) == Json(replayed.ToSnapshot(), CommunityJsonContext.Default.ReferralNetworkSnapshot)
                && members.All(m => restored.Contains(m) == replayed.Contains(m) && restored.IsPromoter(m) == replayed.IsPromoter(m)
                    && (!replayed.Contains(m) || restored.SponsorOf(m) == replayed.SponsorOf(m))
                    && Refusals(restored.TryBind(m, 1)).SequenceEqual(Refusals(replayed.TryBind(m, 1))))
                && restored.SponsorChangesSince(Start).Changes.SequenceEqual(replayed.SponsorChangesSince(Start).Changes)
                && restored.Snapshot().Count == replayed.Snapshot().Count;
        });

    internal static T RoundTrip<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), typeInfo)!;

    internal static string Json<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.Serialize(value, typeInfo);

    private static IEnumerable<string> Refusals(Attempt<SponsorBound> result) => result.Succeeded ? ["bound"] : result.Refusals.Select(r => r.Code);
}
