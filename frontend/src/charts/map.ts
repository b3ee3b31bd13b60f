// ECharts for the grid map, registered part by part: only the chart types
// and components the map uses reach the bundle, and only in the map's chunk.
import { LinesChart, ScatterChart } from 'echarts/charts'
import { GeoComponent, TooltipComponent } from 'echarts/components'
import { registerMap, use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

use([CanvasRenderer, GeoComponent, TooltipComponent, LinesChart, ScatterChart])

export { registerMap }
