using CommunityModel.Commissions.Tests.Generators;
using CommunityModel.Commissions.Volumes;
using CommunityModel.Referrals;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Commissions.Tests.Volumes;

public class PeriodVolumesTests
{
    [Fact]
    public void Team_volume_adds_the_whole_downline_and_a_refund_never_takes_personal_volume_below_zero()
    {
        var volumes = PeriodVolumes.FromEntries(TeamFixtures.SixMembers, Currency.CNY, TeamFixtures.SixMembersSales);

        Assert.Equal(Money.Cny(0m), volumes.PersonalOf(5)); // 1,000 sold, 1,500 refunded
        Assert.Equal(Money.Cny(5000m), volumes.TeamOf(2)); // 2,000 + 3,000 + 0
        Assert.Equal(Money.Cny(4500m), volumes.TeamOf(3)); // 500 + 4,000
        Assert.Equal(Money.Cny(10_500m), volumes.TeamOf(1));
        Assert.Equal(Money.Cny(4000m), volumes.TeamOf(6));
    }

    [Fact]
    public void Entries_in_another_currency_and_a_span_of_the_wrong_length_are_refused()
    {
        var wrongCurrency = Assert.Throws<CommissionException>(() => PeriodVolumes.FromEntries(TeamFixtures.SixMembers, Currency.CNY, [VolumeEntry.Sale(1, Money.Usd(1m))]));
        Assert.Equal(CommissionErrorCodes.OrderCurrency, wrongCurrency.ErrorCode);

        var wrongLength = Assert.Throws<CommissionException>(() => PeriodVolumes.Create(TeamFixtures.SixMembers, Currency.CNY, new long[5]));
        Assert.Equal(CommissionErrorCodes.SnapshotMismatch, wrongLength.ErrorCode);
        Assert.Throws<ReferralException>(() => PeriodVolumes.FromEntries(TeamFixtures.SixMembers, Currency.CNY, [VolumeEntry.Sale(99, Money.Cny(1m))]));
    }

    [Property(MaxTest = 1000)]
    public Property Team_volume_is_personal_plus_the_direct_referrals_team_volumes_and_roots_hold_every_fen() =>
        Prop.ForAll(TeamGenerators.Volumes.ToArbitrary(), volumes =>
        {
            var network = volumes.Network;
            var roots = 0L;
            var personal = 0L;
            for (var i = 0; i < network.Count; i++)
            {
                var children = network.DirectReferrals(network.MemberAt(i)).Sum(m => volumes.TeamOf(m).MinorUnits);
                if (volumes.TeamAt(i).MinorUnits != volumes.PersonalAt(i).MinorUnits + children || volumes.PersonalAt(i).IsNegative)
                {
                    return false;
                }

                roots += network.ParentAt(i) < 0 ? volumes.TeamAt(i).MinorUnits : 0;
                personal += volumes.PersonalAt(i).MinorUnits;
            }

            return roots == personal;
        });
}
