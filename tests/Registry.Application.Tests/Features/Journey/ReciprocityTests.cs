using Registry.Application.Features.Applications;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Journey;

public sealed class ReciprocityTests(SliceFixture fixture) : SliceTest(fixture)
{
    private async Task<(CredentialProgram Texas, Guid PersonId)> ArrangeAsync(CredentialStatus heldStatus)
    {
        var pennsylvania = TestData.State("PA", "Pennsylvania", "CPS");
        var paProgram = pennsylvania.Programs[0];
        var texas = new Jurisdiction(StateCode.Parse("TX"), "Texas", "America/Chicago");
        var defaults = TestData.Requirements();
        var txProgram = texas.AddProgram("PS", "Peer Specialist", new ProgramRequirements(
            60, [new("ETHICS", "Ethical responsibility", 8)], 250, 0, 1, defaults.Exam, ["code-of-ethics"], 24, 20, 2, 90, 60,
            reciprocityProgramIds: [paProgram.Id]));
        var person = TestData.Person();
        var credential = Credential.Issue(paProgram, person.Id, new DateOnly(2025, 1, 10), Guid.NewGuid(), Now);
        if (heldStatus == CredentialStatus.Suspended)
            credential.Suspend("Conditions unmet.", new DateOnly(2025, 6, 1), null, Guid.NewGuid(), Now);
        await Fixture.InsertAsync(pennsylvania, texas, person, credential);
        return (txProgram, person.Id);
    }

    [Fact]
    public async Task A_holder_of_an_accepted_credential_is_left_with_what_reciprocity_does_not_cover()
    {
        var (texas, personId) = await ArrangeAsync(CredentialStatus.Active);
        var applicant = TestUsers.Applicant(personId);

        var started = await Fixture.SendAsync(new StartApplication.Command { ProgramId = texas.Id, Type = ApplicationType.Reciprocity }, applicant);

        var overview = await Fixture.SendAsync(new GetApplicationOverview.Query(started.ApplicationId), applicant);
        Assert.Equal(["references", "attestation:code-of-ethics"], overview.Checklist.Select(r => r.Code));
        Assert.Null(overview.Exam);
    }

    [Fact]
    public async Task Without_an_active_accepted_credential_reciprocity_is_refused()
    {
        var (texas, personId) = await ArrangeAsync(CredentialStatus.Suspended);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Fixture.SendAsync(new StartApplication.Command { ProgramId = texas.Id, Type = ApplicationType.Reciprocity }, TestUsers.Applicant(personId)));

        Assert.Contains("Reciprocity needs an active credential", refused.Message);
        Assert.Equal(0, await Fixture.CountAsync<CertificationApplication>());
    }
}
