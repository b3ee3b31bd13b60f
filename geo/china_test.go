package geo

import (
	"math"
	"testing"
)

func near(a, b Position, tolerance float64) bool {
	return math.Abs(a[0]-b[0]) <= tolerance && math.Abs(a[1]-b[1]) <= tolerance
}

// The published conversions of Tiananmen (116.404, 39.915), as the
// coordtransform libraries document them.
func TestTheOffsetsOfAKnownPoint(t *testing.T) {
	p := Position{116.404, 39.915}
	for name, c := range map[string]struct{ got, want Position }{
		"WGS-84 to GCJ-02": {WGS84ToGCJ02(p), Position{116.41024449916938, 39.91640428150164}},
		"BD-09 to GCJ-02":  {BD09ToGCJ02(p), Position{116.39762729119315, 39.90865673957631}},
		"GCJ-02 to BD-09":  {GCJ02ToBD09(p), Position{116.41036949371029, 39.92133699351021}},
	} {
		if !near(c.got, c.want, 1e-9) {
			t.Errorf("%s: got %v, want %v", name, c.got, c.want)
		}
	}
}

// Removing an offset and applying it again gives the position back, to
// well under a metre (1e-7 degrees is about a centimetre), across China and
// at Fukang, where the demo's grids are.
func TestRemovingAnOffsetUndoesIt(t *testing.T) {
	for _, p := range []Position{{87.98, 44.16}, {116.404, 39.915}, {121.47, 31.23}, {113.26, 23.13}, {126.63, 45.75}} {
		if back := WGS84ToGCJ02(GCJ02ToWGS84(p)); !near(back, p, 1e-9) {
			t.Errorf("GCJ-02 %v: came back as %v", p, back)
		}
		if back := GCJ02ToBD09(BD09ToGCJ02(p)); !near(back, p, 2e-6) { // BD-09's formulas are inverse to about 0.2 m
			t.Errorf("BD-09 %v: came back as %v", p, back)
		}
		w := Position{p[0] - 0.01, p[1] + 0.01}
		if back := ToWGS84(BD09, GCJ02ToBD09(WGS84ToGCJ02(w))); !near(back, w, 2e-6) {
			t.Errorf("WGS-84 %v through BD-09: came back as %v", w, back)
		}
		// GCJ-02's offset is some hundreds of metres: the conversion moves the point.
		if g := WGS84ToGCJ02(p); near(g, p, 1e-4) {
			t.Errorf("%v: no offset applied", p)
		}
	}
}

func TestPointsOutsideChinaAreNotOffset(t *testing.T) {
	for _, p := range []Position{{2.35, 48.85}, {-74.0, 40.7}, {139.69, 35.69}} {
		if got := ToWGS84(GCJ02, p); got != p {
			t.Errorf("%v: got %v", p, got)
		}
		if got := WGS84ToGCJ02(p); got != p {
			t.Errorf("%v: got %v", p, got)
		}
	}
}
