using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Verification;
using Registry.Domain.Credentials;
using Registry.Domain.People;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Interfaces;
using Registry.Infrastructure.Persistence.Providers;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Verification;

/// <summary>One number's compiled queries answer what the bulk path answers, and its entity tag follows every change.</summary>
public sealed class VerifyCredentialTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static string Json(PublicCredential credential) => JsonSerializer.Serialize(credential);

    [Fact]
    public async Task One_number_answers_the_bulk_path_s_record_and_its_tag_changes_with_the_holder_s_name_and_each_new_action()
    {
        var tennessee = TestData.State("TN", "Tennessee", "CPRS");
        var holder = TestData.Person("Quill", "Vantongeren");
        var credential = Credential.Issue(tennessee.Programs[0], holder.Id, TestClock.StartDay.AddMonths(-6), Guid.NewGuid(), Now.AddDays(-3));
        credential.Reprimand("Late notes.", TestClock.StartDay.AddDays(-2), Guid.NewGuid(), Now.AddDays(-2));
        credential.Suspend("Pending review.", TestClock.StartDay.AddDays(-1), null, Guid.NewGuid(), Now.AddDays(-1));
        var neighbour = TestData.Person("Quill", "Vantongerloo");
        var clean = Credential.Issue(tennessee.Programs[0], neighbour.Id, TestClock.StartDay.AddMonths(-6), Guid.NewGuid(), Now.AddDays(-3));
        await Fixture.InsertAsync(tennessee, holder, credential, neighbour, clean);
        var anyone = TestUsers.Anonymous;
        var number = credential.Number.Value;

        var one = await Fixture.SendAsync(new VerifyCredential.Query(number.ToLowerInvariant()), anyone);
        var bulk = (await Fixture.SendAsync(new SearchCredentials.Query("vantonger", "TN"), anyone)).Items;
        var tag = await Fixture.SendAsync(new RevalidateCredential.Query(number), anyone);

        Assert.Equal(Json(bulk.Single(c => c.CredentialNumber == number)), Json(one));
        Assert.Equal([CredentialEventKind.Reprimanded, CredentialEventKind.Suspended], one.PublicActions.Select(a => a.Kind));
        Assert.Empty((await Fixture.SendAsync(new VerifyCredential.Query(clean.Number.Value), anyone)).PublicActions);
        Assert.NotNull(one.EntityTag);
        Assert.Equal(one.EntityTag, tag);
        Assert.NotEqual(tag, await Fixture.SendAsync(new RevalidateCredential.Query(clean.Number.Value), anyone));

        await Fixture.ExecuteAsync(async db =>
        {
            (await db.People.SingleAsync(p => p.Id == holder.Id)).Rename("Quill", "Vantongeren-Abara", null);
            await db.SaveChangesAsync();
        });
        var renamed = await Fixture.SendAsync(new RevalidateCredential.Query(number), anyone);
        Assert.NotEqual(tag, renamed);
        Assert.Equal(renamed, (await Fixture.SendAsync(new VerifyCredential.Query(number), anyone)).EntityTag);

        // The holder's NPI changes no history, and moves the tag all the same.
        await Fixture.ExecuteAsync(async db =>
        {
            Npi.TryParse("1234567893", out var npi);
            (await db.People.SingleAsync(p => p.Id == holder.Id)).RecordNpi(npi, peerSpecialistTaxonomy: true);
            await db.SaveChangesAsync();
        });
        var withNpi = await Fixture.SendAsync(new VerifyCredential.Query(number), anyone);
        Assert.Equal(("1234567893", Npi.PeerSpecialistTaxonomy), (withNpi.Npi, withNpi.NpiTaxonomy));
        Assert.NotEqual(renamed, withNpi.EntityTag);
        Assert.Equal(withNpi.EntityTag, await Fixture.SendAsync(new RevalidateCredential.Query(number), anyone));
        var bulkWithNpi = (await Fixture.SendAsync(new SearchCredentials.Query("vantonger", "TN"), anyone)).Items;
        Assert.Equal(Json(bulkWithNpi.Single(c => c.CredentialNumber == number)), Json(withNpi));
        Assert.Null(bulkWithNpi.Single(c => c.CredentialNumber == clean.Number.Value).Npi);

        // A new public action at the very same instant still moves the tag: the history's last sequence is in it.
        await Fixture.ExecuteAsync(async db =>
        {
            var stored = await db.Credentials.Include(c => c.History).SingleAsync(c => c.Id == credential.Id);
            stored.Reprimand("Again.", TestClock.StartDay, Guid.NewGuid(), Now.AddDays(-1));
            await db.SaveChangesAsync();
        });
        var reprimanded = await Fixture.SendAsync(new VerifyCredential.Query(number), anyone);
        Assert.NotEqual(withNpi.EntityTag, reprimanded.EntityTag);
        Assert.Equal(reprimanded.EntityTag, await Fixture.SendAsync(new RevalidateCredential.Query(number), anyone));
        Assert.Equal(3, reprimanded.PublicActions.Count);
    }

    /// <summary>
    /// The provider's reader (on PostgreSQL the statements sent straight, <c>DirectPublicRecordReader</c>) reads what the
    /// compiled queries read: every field of the record, the ETag's included, and the public actions in order.
    /// </summary>
    [Fact]
    public async Task The_provider_s_reader_reads_what_the_compiled_queries_read()
    {
        var tennessee = TestData.State("TN", "Tennessee", "CPRS");
        var program = tennessee.Programs[0];
        var people = Enumerable.Range(0, 4).Select(i => TestData.Person("Ines", $"Okonkwo-{i}")).ToArray();
        Npi.TryParse("1234567893", out var npi);
        people[0].RecordNpi(npi, peerSpecialistTaxonomy: true);
        Npi.TryParse("1245319599", out var otherNpi);
        people[2].RecordNpi(otherNpi, peerSpecialistTaxonomy: false);
        var disciplined = Credential.Issue(program, people[0].Id, TestClock.StartDay.AddMonths(-8), Guid.NewGuid(), Now.AddDays(-30));
        disciplined.Reprimand("Late notes.", TestClock.StartDay.AddDays(-9), Guid.NewGuid(), Now.AddDays(-9));
        disciplined.Suspend("Pending review.", TestClock.StartDay.AddDays(-5), null, Guid.NewGuid(), Now.AddDays(-5));
        disciplined.Reinstate(TestClock.StartDay.AddDays(-2), Guid.NewGuid(), Now.AddDays(-2), "Review closed.");
        var expired = Credential.Issue(program, people[1].Id, TestClock.StartDay.AddYears(-3), Guid.NewGuid(), Now.AddYears(-3));
        expired.Expire(expired.ExpiresOn.AddDays(3), Now.AddDays(-1));
        var revoked = Credential.Issue(program, people[2].Id, TestClock.StartDay.AddMonths(-3), Guid.NewGuid(), Now.AddDays(-20));
        revoked.Revoke("Misconduct.", TestClock.StartDay.AddDays(-1), Guid.NewGuid(), Now.AddDays(-1));
        var plain = Credential.Issue(program, people[3].Id, TestClock.StartDay.AddMonths(-1), Guid.NewGuid(), Now.AddDays(-4));
        await Fixture.InsertAsync([tennessee, .. people, disciplined, expired, revoked, plain]);

        foreach (var credential in new[] { disciplined, expired, revoked, plain })
        {
            var (provider, compiled) = await Fixture.RunAsync<IServiceProvider, (string, string)>(async services =>
            {
                var reader = services.GetRequiredService<IPublicRecordReader>();
                if (Fixture.Database.Provider == DatabaseProvider.Postgres) Assert.IsType<DirectPublicRecordReader>(reader);
                var database = services.GetRequiredService<IDatabaseTransactions>();
                var compiledReader = new CompiledPublicRecordReader(services.GetRequiredService<IRegistryDbContext>());
                var one = await PublicCredentials.LoadOneAsync(reader, database, credential.Number, CancellationToken.None);
                var other = await PublicCredentials.LoadOneAsync(compiledReader, database, credential.Number, CancellationToken.None);
                var tag = await PublicCredentials.EntityTagOfAsync(reader, database, credential.Number, CancellationToken.None);
                var otherTag = await PublicCredentials.EntityTagOfAsync(compiledReader, database, credential.Number, CancellationToken.None);
                Assert.Equal(one!.EntityTag, tag);
                return (Json(one) + one.EntityTag + tag, Json(other!) + other!.EntityTag + otherTag);
            });
            Assert.Equal(compiled, provider);
        }
        var reinstated = await Fixture.SendAsync(new VerifyCredential.Query(disciplined.Number.Value), TestUsers.Anonymous);
        Assert.Equal([CredentialEventKind.Reprimanded, CredentialEventKind.Suspended], reinstated.PublicActions.Select(a => a.Kind));
        Assert.Equal(TestClock.StartDay.AddDays(-2), reinstated.StatusSince);
        Assert.NotNull((await Fixture.SendAsync(new VerifyCredential.Query(expired.Number.Value), TestUsers.Anonymous)).GraceEndsOn);
        Assert.Equal(("1234567893", Npi.PeerSpecialistTaxonomy), (reinstated.Npi, reinstated.NpiTaxonomy));
        var withoutTaxonomy = await Fixture.SendAsync(new VerifyCredential.Query(revoked.Number.Value), TestUsers.Anonymous);
        Assert.Equal(("1245319599", (string?)null), (withoutTaxonomy.Npi, withoutTaxonomy.NpiTaxonomy));
    }

    [Fact]
    public async Task Many_numbers_at_once_answer_each_credential_as_its_single_lookup_does_through_actions_and_status_changes()
    {
        var tennessee = TestData.State("TN", "Tennessee", "CPRS");
        var people = Enumerable.Range(0, 3).Select(i => TestData.Person("Quill", $"Marchetti{i}")).ToList();
        var reinstated = Credential.Issue(tennessee.Programs[0], people[0].Id, TestClock.StartDay.AddMonths(-9), Guid.NewGuid(), Now.AddDays(-40));
        reinstated.PlaceOnProbation("Weekly supervision.", TestClock.StartDay.AddDays(30), TestClock.StartDay.AddDays(-20), Guid.NewGuid(), Now.AddDays(-30));
        reinstated.EndProbation(TestClock.StartDay.AddDays(-15), Guid.NewGuid(), Now.AddDays(-25), null);
        reinstated.Reprimand("Late notes.", TestClock.StartDay.AddDays(-15), Guid.NewGuid(), Now.AddDays(-22));
        reinstated.Suspend("Pending review.", TestClock.StartDay.AddDays(-6), null, Guid.NewGuid(), Now.AddDays(-15));
        reinstated.Reinstate(TestClock.StartDay.AddDays(-3), Guid.NewGuid(), Now.AddDays(-10), "Cleared.");
        reinstated.Reprimand("Again.", TestClock.StartDay.AddDays(-2), Guid.NewGuid(), Now.AddDays(-2));
        var revoked = Credential.Issue(tennessee.Programs[0], people[1].Id, TestClock.StartDay.AddMonths(-9), Guid.NewGuid(), Now.AddDays(-40));
        revoked.Suspend("Pending review.", TestClock.StartDay.AddDays(-5), null, Guid.NewGuid(), Now.AddDays(-5));
        revoked.Revoke("Fraud.", TestClock.StartDay.AddDays(-1), Guid.NewGuid(), Now.AddDays(-1));
        var clean = Credential.Issue(tennessee.Programs[0], people[2].Id, TestClock.StartDay.AddMonths(-9), Guid.NewGuid(), Now.AddDays(-40));
        await Fixture.InsertAsync([tennessee, .. people, reinstated, revoked, clean]);
        var numbers = new[] { revoked, clean, reinstated }.Select(c => c.Number.Value).ToList();

        var many = await Fixture.SendAsync(new VerifyCredentials.Query(numbers), TestUsers.Employer(Guid.NewGuid()));

        foreach (var (number, result) in numbers.Zip(many))
        {
            var one = await Fixture.SendAsync(new VerifyCredential.Query(number), TestUsers.Anonymous);
            Assert.Equal(Json(one), Json(result.Credential!));
        }
        var read = many[2].Credential!;
        Assert.Equal([CredentialEventKind.ProbationStarted, CredentialEventKind.Reprimanded, CredentialEventKind.Suspended, CredentialEventKind.Reprimanded], read.PublicActions.Select(a => a.Kind));
        Assert.Equal(TestClock.StartDay.AddDays(-3), read.StatusSince);
        Assert.Equal(CredentialStatus.Revoked, many[0].Credential!.Status);
        Assert.Empty(many[1].Credential!.PublicActions);
    }

    [Fact]
    public async Task An_unknown_or_malformed_number_has_no_tag_and_its_lookup_is_not_found_or_refused()
    {
        var anyone = TestUsers.Anonymous;

        Assert.Null(await Fixture.SendAsync(new RevalidateCredential.Query("TN-CPRS-999999"), anyone));
        Assert.Null(await Fixture.SendAsync(new RevalidateCredential.Query("not-a-number"), anyone));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new VerifyCredential.Query("TN-CPRS-999999"), anyone));
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => Fixture.SendAsync(new VerifyCredential.Query("not-a-number"), anyone));
    }
}
