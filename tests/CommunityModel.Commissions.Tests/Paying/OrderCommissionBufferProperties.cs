using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Commissions.Tests.Paying;

public class OrderCommissionBufferProperties
{
    [Property(MaxTest = 500)]
    public Property A_reused_buffer_holds_exactly_the_explained_result_of_each_order_ranks_roles_caps_and_forfeits_included() =>
        Prop.ForAll(TeamScenarios.RoleScenarios, s =>
        {
            var calculator = new CommissionCalculator(s.Plan);
            var buffer = new OrderCommissionBuffer(s.Plan);
            var volumes = s.Volumes;

            // Every order of the month through one buffer, in turn: nothing of an earlier order may linger.
            return s.Month.All(order =>
            {
                var expected = calculator.Calculate(order, s.Ranks, s.Earners, volumes);
                calculator.Calculate(order, s.Ranks, s.Earners, volumes, buffer);
                return Same(buffer, expected) && Same(buffer.ToOrderCommission(), expected);
            });
        });

    [Property(MaxTest = 500)]
    public Property Without_ranks_the_buffer_pays_what_the_roster_calculation_pays() =>
        Prop.ForAll(CommissionGenerators.ScenariosWithOverrides, s =>
        {
            var calculator = new CommissionCalculator(s.Plan);
            var buffer = new OrderCommissionBuffer(s.Plan);
            calculator.Calculate(s.Order, s.Earners, buffer);
            var expected = calculator.Calculate(s.Order, s.Earners);
            return Same(buffer, expected) && Same(buffer.ToOrderCommission(), expected);
        });

    private static bool Same(OrderCommissionBuffer buffer, OrderCommission expected) =>
        buffer.Count == expected.Lines.Length
        && buffer.Base == expected.Base
        && buffer.TotalPaid == expected.TotalPaid
        && buffer.CompanyRetained == expected.CompanyRetained
        && Enumerable.Range(0, buffer.Count).All(i => buffer[i] == new OrderCommissionBufferLine(
            expected.Lines[i].Beneficiary,
            expected.Lines[i].Rule,
            expected.Lines[i].Kind,
            expected.Lines[i].Ordinal,
            expected.Lines[i].Amount,
            expected.Lines[i].UncappedAmount,
            expected.Lines[i].Capped));

    // Value equality of the explained record, its arrays compared element by element.
    private static bool Same(OrderCommission actual, OrderCommission expected) =>
        actual with { Lines = [], Forfeited = [], UnfilledRoles = [] } == expected with { Lines = [], Forfeited = [], UnfilledRoles = [] }
        && actual.Forfeited.SequenceEqual(expected.Forfeited)
        && actual.UnfilledRoles.SequenceEqual(expected.UnfilledRoles)
        && actual.Lines.Length == expected.Lines.Length
        && actual.Lines.Zip(expected.Lines).All(p =>
            p.First with { CompressedPast = [] } == p.Second with { CompressedPast = [] } && p.First.CompressedPast.SequenceEqual(p.Second.CompressedPast));
}
