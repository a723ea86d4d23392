using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Accounts;
using Registry.Application.Features.Jurisdictions;
using Registry.Domain.Jurisdictions;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Jurisdictions;

/// <summary>Only a SystemAdmin adds a state or invites its administrators; a state's administrator changes only its own board's contact.</summary>
public sealed class JurisdictionAuthorizationTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static readonly BoardContactInput Contact = new() { BoardName = "Oregon Peer Certification Board", Email = "peers@or.example.gov" };

    [Fact]
    public async Task A_state_administrator_cannot_add_a_state()
    {
        var command = new AddJurisdiction.Command { Code = "OR", Name = "Oregon", TimeZone = "America/Los_Angeles", Contact = Contact };

        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(command, TestUsers.StateAdmin("TN")));

        Assert.False(await Fixture.QueryAsync(db => db.Jurisdictions.AnyAsync(j => j.Code == StateCode.Parse("OR"))));
    }

    [Fact]
    public async Task A_state_administrator_of_another_state_cannot_change_the_board_contact()
    {
        await Fixture.InsertAsync(TestData.State("TN", "Tennessee"), TestData.State("OR", "Oregon", timeZone: "America/Los_Angeles"));
        var command = new ChangeBoardContact.Command { StateCode = "OR", Contact = Contact };

        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(command, TestUsers.StateAdmin("TN")));
        Assert.Null(await Fixture.QueryAsync(db => db.Jurisdictions.Where(j => j.Code == StateCode.Parse("OR")).Select(j => j.BoardName).SingleAsync()));

        await Fixture.SendAsync(command, TestUsers.StateAdmin("OR"));
        Assert.Equal("Oregon Peer Certification Board", await Fixture.QueryAsync(db => db.Jurisdictions.Where(j => j.Code == StateCode.Parse("OR")).Select(j => j.BoardName).SingleAsync()));
    }

    [Fact]
    public async Task A_reviewer_cannot_invite_an_administrator()
    {
        await Fixture.InsertAsync(TestData.State("OR", "Oregon", timeZone: "America/Los_Angeles"));
        var command = new InviteStateAdmin.Command { StateCode = "OR", DisplayName = "Sam Rivera", Email = "sam@or.example.gov" };

        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(command, TestUsers.Reviewer("OR")));

        Assert.False(await Fixture.QueryAsync(db => db.Users.AnyAsync(u => u.Email == "sam@or.example.gov")));
        Assert.False(await Fixture.QueryAsync(db => db.Notifications.AnyAsync(n => n.RecipientEmail == "sam@or.example.gov")));
    }
}
