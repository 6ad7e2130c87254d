package rdfio
