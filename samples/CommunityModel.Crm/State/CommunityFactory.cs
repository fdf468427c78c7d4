using CommunityModel.Catalog;
using CommunityModel.Commissions.DependencyInjection;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Lifecycle;
using CommunityModel.MemberNumbers;
using CommunityModel.Memberships;
using CommunityModel.Referrals;
using Microsoft.Extensions.Options;

namespace CommunityModel.Crm.State;

/// <summary>
/// Makes empty <see cref="Community"/>s with the parts and options <c>AddCommunityModel</c> and <c>AddCommissions</c>
/// registered, each with commissions over a ledger of its own. The registered <see cref="Community"/> singleton is one
/// instance that cannot be reset; the CRM needs a fresh one to replay the store into after a write that failed.
/// </summary>
internal sealed class CommunityFactory(
    ValueChain chain,
    IOptions<ReferralOptions> referrals,
    IOptions<MemberNumberOptions> numbers,
    IOptions<CommunityOptions> rules,
    IOptions<ValueChainOptions> lifecycle,
    IOptions<CommissionsOptions> commissions,
    CommissionCalculator calculator,
    TimeProvider time,
    ProductCatalog? catalog = null,
    MembershipDesk? desk = null)
{
    /// <summary>An empty community and its commissions.</summary>
    /// <returns>The community, with nothing applied.</returns>
    public CommunityState Create()
    {
        var ledger = new CommunityCommissions(calculator, new CommissionLedger(commissions.Value.Ledger, time));
        var community = new Community(chain, referrals.Value, numbers.Value, time, rules.Value, catalog, desk, ledger, lifecycle.Value);
        return new CommunityState(community, ledger);
    }
}
