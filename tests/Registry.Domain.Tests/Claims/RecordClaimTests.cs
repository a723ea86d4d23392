using Registry.Domain.Claims;
using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Tests.Claims;

public sealed class RecordClaimTests
{
    private static readonly DateTimeOffset Now = new(2027, 6, 15, 15, 0, 0, TimeSpan.Zero);
    private static readonly StateCode Vermont = StateCode.Parse("VT");

    [Fact]
    public void An_invitation_keeps_only_the_hash_of_its_token_and_works_once()
    {
        var claim = RecordClaim.Invite(Guid.NewGuid(), Guid.NewGuid(), Vermont, " holder@test.example ", null, Now, out var token);

        Assert.True(token.Length >= 40);
        Assert.NotEqual(token, claim.TokenHash);
        Assert.Equal(RecordClaim.HashOf(ClaimKind.Invitation, token), claim.TokenHash);
        Assert.Equal("holder@test.example", claim.Email);
        claim.Use(Now);
        Assert.False(claim.IsUsable(Now));
        Assert.Equal(RecordClaim.NotUsable, Assert.Throws<DomainRuleException>(() => claim.Use(Now)).Message);
    }

    [Fact]
    public void A_claim_expires_after_thirty_days()
    {
        var claim = RecordClaim.Invite(Guid.NewGuid(), Guid.NewGuid(), Vermont, "holder@test.example", null, Now, out _);

        Assert.True(claim.IsUsable(Now + TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1)));
        Assert.False(claim.IsUsable(Now + TimeSpan.FromDays(30)));
        Assert.Throws<DomainRuleException>(() => claim.Use(Now + TimeSpan.FromDays(31)));
    }

    [Fact]
    public void Enough_wrong_answers_end_a_claim()
    {
        var claim = RecordClaim.Invite(Guid.NewGuid(), Guid.NewGuid(), Vermont, "holder@test.example", null, Now, out _);

        for (var i = 1; i < RecordClaim.MaxWrongAnswers; i++) claim.RecordWrongAnswer();
        Assert.True(claim.IsUsable(Now));
        claim.RecordWrongAnswer();
        Assert.False(claim.IsUsable(Now));
    }

    [Fact]
    public void A_code_is_typed_any_way_and_a_replaced_code_stops_working()
    {
        var claim = RecordClaim.IssueCode(Guid.NewGuid(), Guid.NewGuid(), Vermont, Guid.NewGuid(), Now, out var code);

        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        Assert.Null(claim.Email);
        Assert.Equal(claim.TokenHash, RecordClaim.HashOf(ClaimKind.Code, " " + code.Replace("-", " ").ToLowerInvariant() + " "));
        claim.Replace(Now);
        Assert.False(claim.IsUsable(Now));
    }

    [Fact]
    public void An_invitation_needs_an_address_and_a_state_decides_about_the_date_of_birth()
    {
        Assert.Throws<DomainRuleException>(() => RecordClaim.Invite(Guid.NewGuid(), Guid.NewGuid(), Vermont, " ", null, Now, out _));
        var state = new Jurisdiction(Vermont, "Vermont", "America/New_York");
        Assert.False(state.ClaimRequiresDateOfBirth);
        state.SetClaimRules(requireDateOfBirth: true);
        Assert.True(state.ClaimRequiresDateOfBirth);
    }
}
