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

    [Theory]
    [InlineData("", false, false, false, null, false)]
    [InlineData("darkmode:1,expandcontrols:1,expandlayer:1,defaultlayer:3,groupcontrols:1", true, true, true, 3, true)]
    [InlineData("darkmode:0,defaultlayer:0,fastannotation:1", false, false, false, 0, false)] // 0 is a layer number, not "off"
    [InlineData(" darkmode : 1 ,, clastype:l", true, false, false, null, false)] // stored before validation trimmed it
    [InlineData("darkmode,defaultlayer:x", false, false, false, null, false)] // unreadable pairs read as unset, never fail the page
    public void The_viewer_reads_its_keys_typed(string settings, bool dark, bool controls, bool layer, int? defaultLayer, bool groups)
    {
        var read = ProjectSettings.Viewer(settings);
        Assert.Equal((dark, controls, layer, defaultLayer, groups),
            (read.DarkMode, read.ExpandControls, read.ExpandLayer, read.DefaultLayer, read.GroupControls));
    }

    [Fact]
    public void The_workflow_keys_are_read_typed_and_default_to_off()
    {
        var all = ProjectSettings.Viewer("expandannotation:1,expandclassification:1,expandcomment:1,fastannotation:1,"
            + "annotationexclusive:1,classificationexclusive:1,clastype:l");
        Assert.True(all.ExpandAnnotation && all.ExpandClassification && all.ExpandComment && all.FastAnnotation
            && all.AnnotationExclusive && all.ClassificationExclusive && all.ClassificationAsLetter);
        var none = ProjectSettings.Viewer("clastype:i,fastannotation:0");
        Assert.False(none.ExpandAnnotation || none.ExpandClassification || none.ExpandComment || none.FastAnnotation
            || none.AnnotationExclusive || none.ClassificationExclusive || none.ClassificationAsLetter);
    }

    [Theory]
    [InlineData("bitDepth:12", 12)]
    [InlineData(" bitdepth : 10 ", 10)] // keys are matched as Validate matches them: without regard to case
    [InlineData("", null)]
    [InlineData("bitDepth:0", null)] // out of 1..16: the image's own depth applies
    [InlineData("bitDepth:17", null)]
    public void A_layers_bit_depth_setting_is_read_when_valid(string settings, int? bits) =>
        Assert.Equal(bits, Memento.Domain.Services.Layers.LayerSettings.BitDepth(settings));
}
