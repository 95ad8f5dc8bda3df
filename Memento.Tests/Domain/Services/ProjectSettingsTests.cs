using Memento.Domain.Authorization;
using Memento.Domain.Services.Projects;

namespace Memento.Tests.Domain.Services;

/// <summary>The manual's project settings string: every key of its table accepted, anything else refused by name.</summary>
public sealed class ProjectSettingsTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("fastannotation:1,annotationexclusive:1,expandannotation:1,darkmode:1", "fastannotation:1,annotationexclusive:1,expandannotation:1,darkmode:1")] // the manual's example
    [InlineData(" darkmode : 1 , clastype:l ", "darkmode:1,clastype:l")] // blanks around keys and values go
    [InlineData("clastype:i,defaultlayer:3,expandclassification:1,expandlayer:1,expandcomment:1,expandcontrols:1,classificationexclusive:1,groupcontrols:1",
        "clastype:i,defaultlayer:3,expandclassification:1,expandlayer:1,expandcomment:1,expandcontrols:1,classificationexclusive:1,groupcontrols:1")]
    [InlineData("darkmode:0,", "darkmode:0")] // 0 is "off", a trailing comma sets nothing
    public void Every_key_of_the_manuals_table_is_accepted(string given, string stored) =>
        Assert.Equal(stored, ProjectSettings.Validate(given));

    [Theory]
    [InlineData("colour:red", "Unknown setting 'colour'. The known keys are: darkmode, clastype, defaultlayer, expandannotation, expandclassification, expandlayer, expandcomment, expandcontrols, fastannotation, annotationexclusive, classificationexclusive, groupcontrols.")]
    [InlineData("clastype:x", "The setting 'clastype' accepts i (icon, the default) or l (letter), not 'x'.")]
    [InlineData("darkmode:yes", "The setting 'darkmode' accepts 1 (or 0 for off), not 'yes'.")]
    [InlineData("defaultlayer:-1", "The setting 'defaultlayer' accepts a layer sequence number (0 or more), not '-1'.")]
    [InlineData("darkmode", "'darkmode' is not a key:value pair (for example darkmode:1).")]
    [InlineData("darkmode:1,darkmode:0", "The setting 'darkmode' is given more than once.")]
    [InlineData("DarkMode:1", "Unknown setting 'DarkMode'. The known keys are: darkmode, clastype, defaultlayer, expandannotation, expandclassification, expandlayer, expandcomment, expandcontrols, fastannotation, annotationexclusive, classificationexclusive, groupcontrols.")] // keys are the manual's, lower case
    public void A_bad_pair_is_a_validation_error_naming_the_key_and_what_it_accepts(string given, string message)
    {
        var error = Assert.Throws<MementoException>(() => ProjectSettings.Validate(given));
        Assert.Equal((ErrorCode.Validation, "settings", message), (error.Code, error.Field, error.Message));
    }

    [Fact]
    public void Every_problem_of_one_string_is_reported_at_once()
    {
        var error = Assert.Throws<MementoException>(() => ProjectSettings.Validate("colour:red,clastype:z,darkmode:1"));
        Assert.Contains("'colour'", error.Message);
        Assert.Contains("'clastype' accepts", error.Message);
        Assert.DoesNotContain("'darkmode'", error.Message);
    }
}
