namespace Memento.Imaging.Ingest;

/// <summary>The manual's image format codes: what the viewer is given besides the pyramid every image gets.</summary>
public enum ImageFormatCode
{
    /// <summary>RGB JPEG, resized to at most 2048x2048.</summary>
    RgbJpeg = 1,
    /// <summary>RGBA PNG, resized to at most 2048x2048.</summary>
    RgbaPng = 2,
    /// <summary>RGBA PNG at full original resolution.</summary>
    RgbaPngFullSize = 3,
    /// <summary>Large image: pyramid of JPEG tiles.</summary>
    JpegPyramid = 4,
    /// <summary>Large image: pyramid of PNG tiles.</summary>
    PngPyramid = 5,
}
