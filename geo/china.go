package geo

import "math"

// Chinese map services publish coordinates in two offset systems rather
// than WGS-84: GCJ-02 (国测局坐标, used by AMap/高德, Tencent and Google
// China) and BD-09 (Baidu's, GCJ-02 offset again). These convert them back
// to the WGS-84 a boundary is stored in, with the published formulas;
// points outside China are not offset and come back as they are.

// CRS names a coordinate reference system a file's positions are in.
type CRS string

// The systems a boundary may be given in.
const (
	WGS84 CRS = "WGS84"
	GCJ02 CRS = "GCJ02"
	BD09  CRS = "BD09"
)

// Krasovsky 1940, the ellipsoid GCJ-02's offset is computed on.
const (
	krasovskyA  = 6378245.0
	krasovskyEE = 0.00669342162296594323
	bdXPi       = math.Pi * 3000.0 / 180.0
)

func outOfChina(lng, lat float64) bool {
	return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271
}

func offsetLat(x, y float64) float64 {
	r := -100.0 + 2.0*x + 3.0*y + 0.2*y*y + 0.1*x*y + 0.2*math.Sqrt(math.Abs(x))
	r += (20.0*math.Sin(6.0*x*math.Pi) + 20.0*math.Sin(2.0*x*math.Pi)) * 2.0 / 3.0
	r += (20.0*math.Sin(y*math.Pi) + 40.0*math.Sin(y/3.0*math.Pi)) * 2.0 / 3.0
	r += (160.0*math.Sin(y/12.0*math.Pi) + 320*math.Sin(y*math.Pi/30.0)) * 2.0 / 3.0
	return r
}

func offsetLng(x, y float64) float64 {
	r := 300.0 + x + 2.0*y + 0.1*x*x + 0.1*x*y + 0.1*math.Sqrt(math.Abs(x))
	r += (20.0*math.Sin(6.0*x*math.Pi) + 20.0*math.Sin(2.0*x*math.Pi)) * 2.0 / 3.0
	r += (20.0*math.Sin(x*math.Pi) + 40.0*math.Sin(x/3.0*math.Pi)) * 2.0 / 3.0
	r += (150.0*math.Sin(x/12.0*math.Pi) + 300.0*math.Sin(x/30.0*math.Pi)) * 2.0 / 3.0
	return r
}

// WGS84ToGCJ02 offsets a WGS-84 position as GCJ-02 does.
func WGS84ToGCJ02(p Position) Position {
	lng, lat := p[0], p[1]
	if outOfChina(lng, lat) {
		return p
	}
	dLat, dLng := offsetLat(lng-105.0, lat-35.0), offsetLng(lng-105.0, lat-35.0)
	radLat := lat / 180.0 * math.Pi
	magic := math.Sin(radLat)
	magic = 1 - krasovskyEE*magic*magic
	sqrtMagic := math.Sqrt(magic)
	dLat = (dLat * 180.0) / ((krasovskyA * (1 - krasovskyEE)) / (magic * sqrtMagic) * math.Pi)
	dLng = (dLng * 180.0) / (krasovskyA / sqrtMagic * math.Cos(radLat) * math.Pi)
	return Position{lng + dLng, lat + dLat}
}

// GCJ02ToWGS84 removes GCJ-02's offset. The offset has no closed inverse:
// the position is refined until offsetting it gives p back to within about
// a millimetre.
func GCJ02ToWGS84(p Position) Position {
	if outOfChina(p[0], p[1]) {
		return p
	}
	w := p
	for range 30 {
		g := WGS84ToGCJ02(w)
		dLng, dLat := p[0]-g[0], p[1]-g[1]
		w = Position{w[0] + dLng, w[1] + dLat}
		if math.Abs(dLng) < 1e-10 && math.Abs(dLat) < 1e-10 {
			break
		}
	}
	return w
}

// BD09ToGCJ02 removes Baidu's offset from a BD-09 position.
func BD09ToGCJ02(p Position) Position {
	x, y := p[0]-0.0065, p[1]-0.006
	z := math.Sqrt(x*x+y*y) - 0.00002*math.Sin(y*bdXPi)
	theta := math.Atan2(y, x) - 0.000003*math.Cos(x*bdXPi)
	return Position{z * math.Cos(theta), z * math.Sin(theta)}
}

// GCJ02ToBD09 offsets a GCJ-02 position as BD-09 does.
func GCJ02ToBD09(p Position) Position {
	x, y := p[0], p[1]
	z := math.Sqrt(x*x+y*y) + 0.00002*math.Sin(y*bdXPi)
	theta := math.Atan2(y, x) + 0.000003*math.Cos(x*bdXPi)
	return Position{z*math.Cos(theta) + 0.0065, z*math.Sin(theta) + 0.006}
}

// ToWGS84 converts a position given in crs to WGS-84.
func ToWGS84(crs CRS, p Position) Position {
	switch crs {
	case GCJ02:
		return GCJ02ToWGS84(p)
	case BD09:
		return GCJ02ToWGS84(BD09ToGCJ02(p))
	}
	return p
}
