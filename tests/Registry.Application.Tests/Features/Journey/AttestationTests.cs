using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Attestations;
using Registry.Domain.Attestations;
using Registry.Domain.Common;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Journey;

public sealed class AttestationTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task A_signature_keeps_the_words_it_was_given_when_the_wording_changes_later()
    {
        var scenario = await JourneyScenario.ArrangeAsync(Fixture);
        var applicant = TestUsers.Applicant(scenario.Applicant.Id);

        var signed = await Fixture.SendAsync(new SignAttestation.Command
        {
            ApplicationId = scenario.Application.Id, Code = "lived-experience", Agreed = true, Statement = "SENTINEL-my-own-story",
        }, applicant);
        var original = await Fixture.QueryAsync(db => db.AttestationWordings.AsNoTracking().SingleAsync(w => w.Code == "lived-experience" && w.Version == signed.WordingVersion));
        await Fixture.InsertAsync(new AttestationWording("lived-experience", signed.WordingVersion + 1, AttestationKind.Agreement, "Lived experience",
            "Entirely new words.", asksForStatement: true, Now));

        var attestations = await Fixture.SendAsync(new ListAttestations.Query(scenario.Application.Id), applicant);

        var lived = attestations.Single(a => a.Code == "lived-experience");
        Assert.True(lived.IsSigned);
        Assert.Equal(original.Text, lived.Text);
        Assert.Equal(signed.WordingVersion, lived.Version);
        Assert.Equal("SENTINEL-my-own-story", lived.Statement);
        // Not yet signed: offered on the newest wording.
        Assert.False(attestations.Single(a => a.Code == "code-of-ethics").IsSigned);
    }

    [Fact]
    public async Task A_disclosure_needs_an_answer_and_an_explanation_of_a_yes()
    {
        var scenario = await JourneyScenario.ArrangeAsync(Fixture);
        var applicant = TestUsers.Applicant(scenario.Applicant.Id);
        var command = new SignAttestation.Command { ApplicationId = scenario.Application.Id, Code = "criminal-history", Agreed = true };

        await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(command, applicant));
        await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(command with { DisclosedYes = true }, applicant));
        await Fixture.SendAsync(command with { DisclosedYes = true, Statement = "A charge from 2019 was dismissed." }, applicant);

        var saved = await Fixture.QueryAsync(db => db.Applications.Where(a => a.Id == scenario.Application.Id).SelectMany(a => a.Attestations).SingleAsync());
        Assert.Equal((true, "A charge from 2019 was dismissed."), (saved.DisclosedYes, saved.Statement));
    }

    [Fact]
    public async Task Only_the_programs_attestations_can_be_signed_and_only_on_ones_own_application()
    {
        var scenario = await JourneyScenario.ArrangeAsync(Fixture);
        var stranger = TestData.Person("Kai", "Morrow");
        await Fixture.InsertAsync(stranger);

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new SignAttestation.Command
            { ApplicationId = scenario.Application.Id, Code = "truthfulness", Agreed = true }, TestUsers.Applicant(scenario.Applicant.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new SignAttestation.Command
            { ApplicationId = scenario.Application.Id, Code = "code-of-ethics", Agreed = true }, TestUsers.Applicant(stranger.Id)));
        Assert.Equal(0, await Fixture.QueryAsync(db => db.Applications.SelectMany(a => a.Attestations).CountAsync()));
    }
}
