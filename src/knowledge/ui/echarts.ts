/**
 * The part of ECharts the portal uses (bar charts on an SVG renderer), registered once. Imported lazily by
 * BarChart, so the library is a separate chunk that only pages with a chart load.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
// renamed: ECharts' use() registers components; it is not React's use(), which the rules of hooks would see
import { init, use as register } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

register([BarChart, GridComponent, SVGRenderer]);

export { init };
