using System.Reflection;
using Registry.Domain.Applications;
using Registry.Web.Pages.Shared;

namespace Registry.Web.Tests.Quality;

/// <summary>Every member of every enum a page shows has words of its own, never its code name.</summary>
public sealed class DisplayNamesTests
{
    private static readonly Type[] EnumsWithWords = typeof(DisplayNames).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.Name == nameof(DisplayNames.Display))
        .Select(m => m.GetParameters().Single().ParameterType)
        .ToArray();

    [Fact]
    public void Every_enum_of_the_domain_that_a_person_reads_has_words()
    {
        // Notification priority and evidence file type are never shown as words; everything else is.
        var neverShown = new[] { typeof(Registry.Domain.Notifications.NotificationPriority), typeof(Registry.Domain.Documents.EvidenceFileType) };
        var domainEnums = typeof(ApplicationStatus).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic).Except(neverShown);
        Assert.Empty(domainEnums.Except(EnumsWithWords).Select(t => t.Name));
    }

    [Fact]
    public void Every_member_has_words_and_none_is_a_joined_code_name()
    {
        foreach (var type in EnumsWithWords)
        {
            var display = typeof(DisplayNames).GetMethod(nameof(DisplayNames.Display), [type])!;
            foreach (var value in Enum.GetValues(type))
            {
                var words = (string)display.Invoke(null, [value])!;
                Assert.False(string.IsNullOrWhiteSpace(words), $"{type.Name}.{value} has no words");
                var codeName = value.ToString()!;
                var joinsWords = codeName.Skip(1).Any(char.IsUpper);
                Assert.False(joinsWords && words == codeName, $"{type.Name}.{value} is shown as its code name");
            }
        }
    }

    [Fact]
    public void Status_words_read_as_a_person_would_say_them()
    {
        Assert.Equal("Under review", ApplicationStatus.UnderReview.Display());
        Assert.Equal("Information requested", ApplicationStatus.InfoRequested.Display());
        Assert.Equal("underreview", ApplicationStatus.UnderReview.CssName());
    }
}
