// WebGL2 drawing: one small shader windows a tile's values into [0, 1] (black point, white point), colours and
// weights them, and the blend unit composites channels — added for fluorescence, alpha over for brightfield RGB.
// Values arrive at full bit depth (16-bit normalized or float textures), so windowing a 12- or 16-bit channel is exact
// and a slider move is one repaint with no tile fetched again. Within a channel, finer tiles win over the coarser
// ones drawn under them for the not-yet-loaded parts by a depth test, so additive blending never counts a pixel twice.

const VERTEX = `#version 300 es
in vec2 corner;            // 0..1 unit quad
uniform vec4 rect;         // x0, y0, x1, y1 in clip space
uniform vec4 uvRect;       // u0, v0, u1, v1 in the texture
uniform float depth;
out vec2 uv;
void main() {
  uv = mix(uvRect.xy, uvRect.zw, corner);
  gl_Position = vec4(mix(rect.xy, rect.zw, corner), depth, 1.0);
}`;

const FRAGMENT = `#version 300 es
precision highp float;
uniform sampler2D tile;
uniform float toValue;      // texture unit → the tile's own values (65535, 255, or 1 for float textures)
uniform vec2 window;        // black point, white point, in the tile's own values
uniform vec3 colour;
uniform float opacity;
uniform int mode;           // 0 grey → colour (added), 1 true colour (alpha over), 2 flat colour (underlay)
in vec2 uv;
out vec4 result;
void main() {
  if (mode == 2) { result = vec4(colour, 1.0); return; }
  vec4 t = texture(tile, uv);
  float span = max(window.y - window.x, 1e-6);
  if (mode == 0) {
    float v = clamp((t.r * toValue - window.x) / span, 0.0, 1.0);
    result = vec4(colour * v * opacity, 1.0);
  } else {
    vec3 c = clamp((t.rgb * toValue - window.x) / span, 0.0, 1.0);
    result = vec4(c, t.a * opacity);
  }
}`;

// Up to four grey channels in one pass (their tiles share a grid): the sum is computed in the shader and written
// once, instead of four blended passes over the framebuffer — what a slider move on a multichannel image repaints.
const COMPOSITE = `#version 300 es
precision highp float;
uniform sampler2D t0, t1, t2, t3;
uniform int count;
uniform float toValue[4];
uniform vec2 window[4];
uniform vec3 colour[4];
uniform float opacity[4];
in vec2 uv;
out vec4 result;
vec3 channel(sampler2D t, int i) {
  float span = max(window[i].y - window[i].x, 1e-6);
  float v = clamp((texture(t, uv).r * toValue[i] - window[i].x) / span, 0.0, 1.0);
  return colour[i] * v * opacity[i];
}
void main() {
  vec3 sum = channel(t0, 0);
  if (count > 1) sum += channel(t1, 1);
  if (count > 2) sum += channel(t2, 2);
  if (count > 3) sum += channel(t3, 3);
  result = vec4(sum, 1.0);
}`;

export class Renderer {
  /** @param {HTMLCanvasElement} canvas */
  constructor(canvas) {
    const gl = canvas.getContext('webgl2', { alpha: false, antialias: false, depth: true, preserveDrawingBuffer: false });
    if (!gl) throw new Error('This browser cannot draw with WebGL2, which the viewer needs. Try a current Firefox, Chrome, Edge or Safari, or enable hardware acceleration.');
    this.gl = gl;
    this.canvas = canvas;
    // Where the GPU has 16-bit normalized textures (most desktop GPUs) a 16-bit tile takes 2 bytes a pixel; otherwise
    // 32-bit float (SwiftShader, some mobiles), still exact for every 16-bit value.
    this.norm16 = gl.getExtension('EXT_texture_norm16');
    this.floatLinear = !!gl.getExtension('OES_texture_float_linear');
    this.program = this.#link(VERTEX, FRAGMENT);
    this.loc = Object.fromEntries(['rect', 'uvRect', 'depth', 'tile', 'toValue', 'window', 'colour', 'opacity', 'mode']
      .map(n => [n, gl.getUniformLocation(this.program, n)]));
    this.composite = this.#link(VERTEX, COMPOSITE);
    this.cloc = Object.fromEntries(['rect', 'uvRect', 'depth', 't0', 't1', 't2', 't3', 'count', 'toValue', 'window', 'colour', 'opacity']
      .map(n => [n, gl.getUniformLocation(this.composite, n)]));
    const quad = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, quad);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([0, 0, 1, 0, 0, 1, 1, 1]), gl.STATIC_DRAW);
    this.vao = gl.createVertexArray();
    gl.bindVertexArray(this.vao);
    // Both programs have the quad at attribute location 0 (bound in #link).
    gl.enableVertexAttribArray(0);
    gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
  }

  /** Whether 16-bit tiles must come as Float32Array (no 16-bit normalized textures here). */
  get wantsFloat() { return !this.norm16; }

  /** Uploads a decoded tile; returns { texture, bytes, toValue }. */
  upload(tile) {
    const gl = this.gl;
    const texture = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_COLORSPACE_CONVERSION_WEBGL, gl.NONE);
    let bytes, toValue, linear = true;
    if (tile.bits === 16) {
      const c = tile.channels;
      if (this.norm16) {
        const n = this.norm16;
        const [internal, format] = [[n.R16_EXT, gl.RED], [n.RG16_EXT, gl.RG], [n.RGB16_EXT, gl.RGB], [n.RGBA16_EXT, gl.RGBA]][c - 1];
        gl.texImage2D(gl.TEXTURE_2D, 0, internal, tile.width, tile.height, 0, format, gl.UNSIGNED_SHORT, tile.data);
        bytes = tile.width * tile.height * c * 2;
        toValue = 65535;
      } else {
        const [internal, format] = [[gl.R32F, gl.RED], [gl.RG32F, gl.RG], [gl.RGB32F, gl.RGB], [gl.RGBA32F, gl.RGBA]][c - 1];
        gl.texImage2D(gl.TEXTURE_2D, 0, internal, tile.width, tile.height, 0, format, gl.FLOAT, tile.data);
        bytes = tile.width * tile.height * c * 4;
        toValue = 1;
        linear = this.floatLinear;
      }
    } else {
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, gl.RGBA, gl.UNSIGNED_BYTE, tile.bitmap);
      bytes = tile.width * tile.height * 4;
      toValue = 255;
      tile.bitmap.close?.();
    }
    const filter = linear ? gl.LINEAR : gl.NEAREST;
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, filter);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, filter);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    return { texture, bytes, toValue };
  }

  release(texture) { this.gl.deleteTexture(texture); }

  /** Starts a frame: size the drawing buffer, clear to the background. */
  begin(width, height, background) {
    const gl = this.gl;
    gl.viewport(0, 0, width, height);
    gl.clearColor(background[0], background[1], background[2], 1);
    gl.clearDepth(1);
    gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT);
    gl.useProgram(this.program);
    gl.bindVertexArray(this.vao);
    gl.activeTexture(gl.TEXTURE0);
    gl.uniform1i(this.loc.tile, 0);
  }

  /** A flat rectangle (clip space) with no blending: the black ground fluorescence is added onto. */
  underlay(rect, colour) {
    const gl = this.gl;
    gl.disable(gl.DEPTH_TEST);
    gl.disable(gl.BLEND);
    gl.uniform1i(this.loc.mode, 2);
    gl.uniform3fv(this.loc.colour, colour);
    gl.uniform4f(this.loc.rect, rect[0], rect[1], rect[2], rect[3]);
    gl.uniform4f(this.loc.uvRect, 0, 0, 1, 1);
    gl.uniform1f(this.loc.depth, 0);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
  }

  /**
   * Sets up one channel: its window, colour, opacity and blending. Tiles compete by depth only within their channel:
   * each channel draws in its own depth band, nearer than every earlier one, so no per-channel depth clear (a full
   * buffer write, which software WebGL pays in full) is needed.
   */
  channel({ kind, min, max, color, opacity }) {
    const gl = this.gl;
    gl.enable(gl.DEPTH_TEST);
    gl.depthFunc(gl.LESS);
    gl.enable(gl.BLEND);
    if (kind === 'rgb') {
      gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ZERO, gl.ONE);
      gl.uniform1i(this.loc.mode, 1);
    } else {
      gl.blendFuncSeparate(gl.ONE, gl.ONE, gl.ZERO, gl.ONE);
      gl.uniform1i(this.loc.mode, 0);
    }
    gl.uniform2f(this.loc.window, min, max);
    gl.uniform3fv(this.loc.colour, color);
    gl.uniform1f(this.loc.opacity, opacity);
  }

  /** Draws one tile: rect in clip space, uv inside its texture, depth in -1..1 (finer levels nearer). */
  tile(entry, rect, uv, depth) {
    const gl = this.gl;
    gl.bindTexture(gl.TEXTURE_2D, entry.texture);
    gl.uniform1f(this.loc.toValue, entry.toValue);
    gl.uniform4f(this.loc.rect, rect[0], rect[1], rect[2], rect[3]);
    gl.uniform4f(this.loc.uvRect, uv.u0, uv.v0, uv.u1, uv.v1);
    gl.uniform1f(this.loc.depth, depth);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
  }

  /** Reads the values of an 8-bit tile's texture back (auto-adjust over the visible area). */
  readRgba8(entry) {
    const gl = this.gl;
    const fb = gl.createFramebuffer();
    gl.bindFramebuffer(gl.FRAMEBUFFER, fb);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, entry.texture, 0);
    const out = new Uint8Array(entry.width * entry.height * 4);
    gl.readPixels(0, 0, entry.width, entry.height, gl.RGBA, gl.UNSIGNED_BYTE, out);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.deleteFramebuffer(fb);
    return out;
  }

  /**
   * Sets up a pass of up to four grey channels composited in the shader; `first` writes (the pass replaces what is
   * under the image), later passes (channels 5-8, …) add.
   */
  compositeChannels(specs, first) {
    const gl = this.gl;
    gl.useProgram(this.composite);
    gl.disable(gl.DEPTH_TEST);
    if (first) gl.disable(gl.BLEND);
    else { gl.enable(gl.BLEND); gl.blendFuncSeparate(gl.ONE, gl.ONE, gl.ZERO, gl.ONE); }
    const c = this.cloc;
    gl.uniform1i(c.count, specs.length);
    for (let i = 0; i < 4; i++) gl.uniform1i(c['t' + i], i);
    const spec = i => specs[Math.min(i, specs.length - 1)];
    gl.uniform2fv(c.window, [0, 1, 2, 3].flatMap(i => [spec(i).min, spec(i).max]));
    gl.uniform3fv(c.colour, [0, 1, 2, 3].flatMap(i => spec(i).color));
    gl.uniform1fv(c.opacity, [0, 1, 2, 3].map(i => spec(i).opacity));
    gl.uniform1f(c.depth, 0);
  }

  /** Draws one tile position of every channel of the current composite pass (entries in channel order). */
  compositeTile(entries, rect, uv) {
    const gl = this.gl, c = this.cloc;
    entries.forEach((entry, i) => {
      gl.activeTexture(gl.TEXTURE0 + i);
      gl.bindTexture(gl.TEXTURE_2D, entry.texture);
    });
    gl.uniform1fv(c.toValue, [0, 1, 2, 3].map(i => entries[Math.min(i, entries.length - 1)].toValue));
    gl.uniform4f(c.rect, rect[0], rect[1], rect[2], rect[3]);
    gl.uniform4f(c.uvRect, uv.u0, uv.v0, uv.u1, uv.v1);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    gl.activeTexture(gl.TEXTURE0);
  }

  /** Back to the per-channel program after composite passes. */
  endComposite() {
    this.gl.useProgram(this.program);
  }

  #link(vertex, fragment) {
    const gl = this.gl;
    const compile = (type, source) => {
      const shader = gl.createShader(type);
      gl.shaderSource(shader, source);
      gl.compileShader(shader);
      if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(shader) ?? 'shader');
      return shader;
    };
    const program = gl.createProgram();
    gl.attachShader(program, compile(gl.VERTEX_SHADER, vertex));
    gl.attachShader(program, compile(gl.FRAGMENT_SHADER, fragment));
    gl.bindAttribLocation(program, 0, 'corner');
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(gl.getProgramInfoLog(program) ?? 'program');
    return program;
  }
}
